import { stemmer } from "stemmer";
import { words } from "./text-terms";

// Opposites that turn a statement into its contrary; the pairs are stemmed below.
const OPPOSITES: [string, string][] = [
  ["increase", "decrease"], ["increase", "reduce"], ["higher", "lower"], ["high", "low"], ["more", "less"], ["more", "fewer"],
  ["faster", "slower"], ["fast", "slow"], ["larger", "smaller"], ["large", "small"], ["bigger", "smaller"], ["big", "small"],
  ["maximize", "minimize"], ["maximise", "minimise"], ["maximum", "minimum"], ["overfitting", "underfitting"], ["overfit", "underfit"],
  ["positive", "negative"], ["true", "false"], ["supervised", "unsupervised"], ["linear", "nonlinear"], ["before", "after"],
  ["add", "remove"], ["always", "never"], ["correct", "incorrect"], ["convex", "nonconvex"], ["stable", "unstable"],
  ["dependent", "independent"], ["biased", "unbiased"], ["deep", "shallow"], ["parallel", "sequential"], ["inside", "outside"],
  ["input", "output"], ["train", "test"], ["first", "last"], ["vanish", "explode"], ["vanishing", "exploding"], ["shrink", "grow"],
];
const OPPOSITE_OF = new Map<string, Set<string>>();
for (const [a, b] of OPPOSITES.map(([x, y]) => [stemmer(x), stemmer(y)] as const)) {
  OPPOSITE_OF.set(a, (OPPOSITE_OF.get(a) ?? new Set()).add(b));
  OPPOSITE_OF.set(b, (OPPOSITE_OF.get(b) ?? new Set()).add(a));
}
const NEGATIONS = /\b(?:not|no|never|cannot|can't|doesn't|don't|isn't|aren't|won't|wasn't|weren't|shouldn't|didn't|without|neither|nor)\b|n't\b/i;

/**
 * Whether a sentence of an answer states the contrary of a key point it matched: it uses the
 * opposite of one of the point's words (and not the word itself), or restates the point with a
 * negation it does not have (or without one it has). Deliberately narrow: a missed contradiction costs nothing extra, a
 * wrong one would take points from a right answer.
 */
export function contradicts(pointText: string, sentence: string): boolean {
  const pointStems = new Set(words(pointText).map((word) => stemmer(word)));
  const sentenceStems = new Set(words(sentence).map((word) => stemmer(word)));
  const negationDiffers = NEGATIONS.test(sentence) !== NEGATIONS.test(pointText);
  // "cannot be used outside" says what "can only be accessed inside" says: an opposite under a
  // negation the point lacks flips back. And "a larger problem into the smallest ones" still says
  // "smaller": a word of the point's own family cancels its opposite.
  if (!negationDiffers) {
    for (const stem of pointStems) {
      const opposites = OPPOSITE_OF.get(stem);
      if (!opposites || hasFamilyMember(sentenceStems, stem)) continue;
      for (const opposite of opposites) if (sentenceStems.has(opposite) && !pointStems.has(opposite)) return true;
    }
  }
  // A negation flips the claim only when the sentence restates nearly all of the point and little
  // else: a paraphrase ("units can't co-adapt" for "prevents co-adaptation") negates in other words,
  // and in a long sentence the negation may belong to what it adds.
  return negationDiffers && restates(pointStems, sentenceStems);
}

function restates(point: Set<string>, sentence: Set<string>): boolean {
  const content = [...point].filter((stem) => stem.length > 2);
  const added = [...sentence].filter((stem) => stem.length > 2 && !point.has(stem)).length;
  return content.length >= 4 && content.filter((stem) => sentence.has(stem)).length / content.length >= 0.9 && added <= Math.max(4, content.length);
}

/** The stem itself or a comparative or superlative of the same word ("smaller", "smallest"). */
function hasFamilyMember(stems: ReadonlySet<string>, stem: string): boolean {
  const root = stem.replace(/(?:er|est)$/, "");
  if (root.length < 3) return stems.has(stem);
  for (const candidate of stems) if (candidate === stem || candidate.replace(/(?:er|est)$/, "") === root) return true;
  return false;
}
