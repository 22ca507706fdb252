import type { KeyPoint, Rubric } from "@/lib/grading/rubric";
import { contentStems, isStopWord } from "@/lib/grading/text-terms";
import { plainPoint, rareTerms } from "./point-terms";

/**
 * Progressive hints toward the most important key point not yet covered: first which aspect to
 * think about, then one or two of its key terms, then the first half of its sentence. Each level
 * gives a little more and none gives the whole point, let alone the reference.
 */

export interface Hint {
  text: string;
  level: number;
  /** True at the last level: there is no further hint to give. */
  last: boolean;
}

export const MAX_HINT_LEVEL = 3;

// Aspects a reference sentence can be about, tried in order; each says where to look, not what to say.
const ASPECTS: { test: RegExp; direction: string }[] = [
  { test: /\b(?:whereas|unlike|compared (?:to|with)|in contrast|differs?|difference|than)\b/i, direction: "how the things in the question differ from each other" },
  { test: /\b(?:training|inference|test time|testing|prediction time|at test)\b.*\b(?:training|inference|test time|testing|prediction)\b/i, direction: "what happens during training compared with at inference time" },
  { test: /^[^.,;]{0,60}?\b(?:is an?|are|is the|refers to|means|is called|is defined as|stands for)\b|^[^.,;:]{1,40}\s[-–—:]\s/i, direction: "a clear definition: what it is, in one sentence" },
  { test: /\b(?:because|due to|caused by|leads? to|results? in|since)\b/i, direction: "why it happens: the cause behind it" },
  { test: /\b(?:prevents?|reduces?|avoids?|helps?|improves?|so that|in order to|addresses|solves?|mitigates?|combat)\b/i, direction: "what problem it solves and why that matters" },
  { test: /\b(?:however|drawbacks?|disadvantages?|limitations?|downsides?|costly|expensive|slow)\b/i, direction: "its downsides or limitations" },
  { test: /\$|\b(?:formula|equation|computed as|calculated|probability|proportional)\b/i, direction: "the math behind it: how it is computed" },
  { test: /\b(?:by|through|using|via|randomly|each|every|step|first|then)\b/i, direction: "how it works, step by step" },
];
const FALLBACK_DIRECTION = "the single most important idea behind the question, and why it matters";

/** The point to hint toward: the heaviest "point" among those not yet covered. */
function targetPoint(rubric: Rubric, missed: readonly string[] | undefined): KeyPoint | null {
  const normalise = (text: string) => contentStems(text).join(" ");
  const missedKeys = new Set((missed ?? []).map(normalise));
  const open = missed && missed.length ? rubric.keyPoints.filter((point) => missedKeys.has(normalise(point.text))) : rubric.keyPoints;
  const pool = open.length ? open : rubric.keyPoints;
  const byWeight = [...pool].sort((a, b) => (b.kind === "point" ? 1 : 0) - (a.kind === "point" ? 1 : 0) || b.weight - a.weight || a.id - b.id);
  return byWeight[0] ?? null;
}

/** About the first half of a sentence, cut at a word boundary, never the whole of it. */
function firstHalf(sentence: string): string {
  const words = sentence.replace(/[.!?;:]+$/, "").split(/\s+/);
  const kept = words.slice(0, words.length <= 3 ? 1 : Math.floor(words.length / 2));
  // "a fraction of..." trails off on grammar; "a fraction..." on the thought.
  while (kept.length > 1 && isStopWord(kept.at(-1)!.replace(/[^\p{L}']/gu, ""))) kept.pop();
  return kept.join(" ").replace(/[,;:–—-]+$/, "");
}

/**
 * The hint at `level` (clamped to 1-3) for a rubric: 1, the aspect to think about; 2, one or two
 * key terms of that point (its rarest words, not the question's); 3, the first half of the point's
 * sentence with "...". `missed` (point texts, as a grade lists them) narrows the target to what an
 * answer did not cover. Pure.
 */
export function hintFor({ rubric, level, missed }: { rubric: Rubric; level: number; missed?: string[] }): Hint {
  const target = targetPoint(rubric, missed);
  if (!target) {
    return { text: "There's no reference answer for this one in your documents, so I can't hint at it. Think about what it is, why it's used, and an example.", level: 1, last: true };
  }
  const clamped = Math.min(MAX_HINT_LEVEL, Math.max(1, Math.floor(Number.isFinite(level) ? level : 1)));
  const last = clamped === MAX_HINT_LEVEL;
  const point = plainPoint(target.text);
  if (clamped === 1) {
    const direction = ASPECTS.find((aspect) => aspect.test.test(point))?.direction ?? FALLBACK_DIRECTION;
    return { text: `Think about ${direction}.`, level: 1, last };
  }
  if (clamped === 2) {
    const others = rubric.keyPoints.filter((other) => other.id !== target.id).map((other) => other.text);
    const terms = rareTerms({ point: target.text, others, exclude: [rubric.question], max: 2 });
    if (terms.length === 0) return { text: "A good answer here goes beyond the terms in the question: say what happens and why.", level: 2, last };
    const quoted = terms.map((term) => `"${term}"`).join(" and ");
    return { text: `Key ${terms.length > 1 ? "terms" : "term"} to work in: ${quoted}.`, level: 2, last };
  }
  return { text: `The reference makes a point that starts like this: "${firstHalf(point)}..."`, level: 3, last };
}
