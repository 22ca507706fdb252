import { contentStems, isStopWord, words } from "./text-terms";

/** What can make an answer not worth grading on its content. */
export type GateFlag = "no-answer" | "gibberish" | "copied-question" | "keyword-list";

const NO_ANSWER =
  /^(?:(?:um+|uh+|hmm+|well|so|sorry|honestly|to be honest)[,.\s]+)*(?:i\s+(?:really\s+)?(?:don'?t|do not|dont)\s+(?:really\s+)?(?:know|remember|recall)|i\s+have\s+no\s+(?:idea|clue)|no\s+idea|not\s+sure|i'?m\s+not\s+sure|idk|dunno|(?:pass|skip)\s*[.!]*$|no\s+clue|i\s+forgot|i\s+can'?t\s+remember|n\/?a|nothing|\?+)\b/i;

/**
 * "I don't know" in its many forms, or nothing at all: said plainly, it deserves a kind zero and
 * the answer, not a grade pretending to weigh content that is not there.
 */
export function isNoAnswer(answer: string): boolean {
  // Code alone ("a[i] = *(a+i)") has no content words but is an answer.
  if (words(answer).length === 0) return !/[^\s?.!]/.test(answer);
  return NO_ANSWER.test(answer.trim()) && contentStems(answer).length < 8;
}

/**
 * Keyboard mashing or random tokens: most words are neither grammar, nor known to the subject's
 * vocabulary, nor shaped like words (vowels, no long consonant runs or repeated letters).
 */
export function isGibberish(answer: string, vocabulary: ReadonlySet<string>): boolean {
  const tokens = words(answer).filter((word) => /\p{L}/u.test(word));
  if (tokens.length === 0) return answer.trim().length > 0;
  const plausible = tokens.filter((word) => isStopWord(word) || vocabulary.has(word) || looksLikeWord(word)).length;
  // Code and formulas are mostly symbols and short identifiers: judge word shapes only on real text.
  const symbols = answer.replace(/[\s\p{L}]/gu, "").length / Math.max(answer.replace(/\s/g, "").length, 1);
  if (tokens.length < 3) return symbols > 0.8;
  return plausible / tokens.length < 0.6 || symbols > 0.8;
}

function looksLikeWord(word: string): boolean {
  if (word.length <= 3) return /[aeiouy]/.test(word) || /^[a-z]{1,3}$/.test(word);
  return /[aeiouy]/.test(word) && !/[bcdfghjklmnpqrstvwxz]{5,}/.test(word) && !/(.)\1\1/.test(word) && !/(..)\1\1/.test(word);
}

/**
 * The question said back: every content word of the answer comes from the question.
 */
export function copiesQuestion(answer: string, question: string): boolean {
  const answerStems = new Set(contentStems(answer));
  const questionStems = new Set(contentStems(question));
  if (answerStems.size < 2) return false;
  const fresh = [...answerStems].filter((stem) => !questionStems.has(stem)).length;
  // One new word can be the whole answer ("...begin execution at main"): only a pure echo counts.
  return fresh === 0;
}

/**
 * A list of terms instead of an explanation: six or more short comma- or line-separated items with
 * hardly any grammar between them. Naming the right terms shows recognition, not understanding.
 */
export function isKeywordList(answer: string): boolean {
  const tokens = words(answer);
  if (tokens.length < 4) return false;
  const grammar = tokens.filter((word) => isStopWord(word)).length / tokens.length;
  const items = answer.split(/[,;\n|/]+|\s-\s/).map((item) => item.trim()).filter(Boolean);
  const shortItems = items.filter((item) => words(item).length <= 3).length;
  if (items.length >= 6 && shortItems / items.length >= 0.85 && grammar < 0.15) return true;
  // Terms run together with no grammar at all; a sentence, however terse, ends like one.
  return tokens.length >= 5 && grammar === 0 && !/[.!?]\s*$/.test(answer.trim());
}

/**
 * The reference's words in a jumble: nearly every content word of the answer is the reference's,
 * yet hardly any two stand together as in the reference and their order is no more related to
 * the reference's than chance, or determiners keep landing where English never puts them. A paraphrase changes words or keeps phrases; a shuffle keeps the
 * words and loses every phrase and all order.
 */
export function isWordSalad(answer: string, reference: string): boolean {
  const answerStems = contentStems(answer);
  const referenceStems = contentStems(reference);
  if (answerStems.length < 12 || referenceStems.length < 12) return false;
  const firstPosition = new Map<string, number>();
  referenceStems.forEach((stem, index) => firstPosition.has(stem) || firstPosition.set(stem, index));
  const shared = answerStems.filter((stem) => firstPosition.has(stem)).length / answerStems.length;
  if (shared < 0.85) return false;
  const pairs = (stems: string[]) => new Set(stems.slice(1).map((stem, index) => `${stems[index]} ${stem}`));
  const referencePairs = pairs(referenceStems);
  const answerPairs = [...pairs(answerStems)];
  const kept = answerPairs.filter((pair) => referencePairs.has(pair)).length / Math.max(answerPairs.length, 1);
  return (kept < 0.2 && orderAgreement(answerStems, firstPosition) < 0.65) || brokenDeterminers(answer) >= 2;
}

const DETERMINERS = new Set(["the", "a", "an"]);
const NEVER_AFTER_DETERMINER = new Set(["the", "a", "an", "of", "and", "or", "to", "in", "is", "are", "was", "for", "with", "by", "on", "at", "from", "that", "which", "it", "be", "as", "than", "while"]);

/** Determiners followed by a word no determiner precedes ("a a", "the of", "a is"): English never does it twice. */
function brokenDeterminers(answer: string): number {
  const tokens = words(answer);
  return tokens.filter((word, index) => DETERMINERS.has(word) && NEVER_AFTER_DETERMINER.has(tokens[index + 1] ?? "")).length;
}

/** Of the pairs of shared words, the share the answer puts in the reference's order (0.5: chance). */
function orderAgreement(answerStems: string[], firstPosition: Map<string, number>): number {
  const seen = new Set<string>();
  const positions: number[] = [];
  for (const stem of answerStems) {
    if (!firstPosition.has(stem) || seen.has(stem)) continue;
    seen.add(stem);
    positions.push(firstPosition.get(stem)!);
  }
  let agreeing = 0;
  let total = 0;
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      total++;
      if (positions[j]! > positions[i]!) agreeing++;
    }
  }
  return total ? agreeing / total : 1;
}
