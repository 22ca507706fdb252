import { stemmer } from "stemmer";
import { seededRandom, shuffled } from "@/lib/seeded-random";
import { contentStems, isEmphasisWord, isStopWord, words } from "./text-terms";

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
 * The question said back: every content word of the answer comes from the question. Code written
 * with the question's names ("*(array + offset)") is an answer, not an echo.
 */
export function copiesQuestion(answer: string, question: string): boolean {
  const answerStems = new Set(contentStems(answer));
  const questionStems = new Set(contentStems(question));
  if (answerStems.size < 2 || looksLikeCode(answer)) return false;
  const fresh = [...answerStems].filter((stem) => !questionStems.has(stem)).length;
  // One new word can be the whole answer ("...begin execution at main"): only a pure echo counts.
  return fresh === 0;
}

/**
 * A list of terms instead of an explanation: six or more short comma- or line-separated items with
 * hardly any grammar between them, eight or more terms run together without grammar (seven without punctuation), or five or more of the
 * reference's words picked out of their phrases, with at most a word of grammar among them. Naming
 * the right terms shows recognition, not understanding. A terse answer in words of one's own
 * ("nodes take up more memory"), one that keeps the reference's terms whole ("data members and
 * member functions") or a line of code is an answer, and people grade it as one.
 */
export function isKeywordList(answer: string, reference = ""): boolean {
  const tokens = words(answer);
  if (tokens.length < 4 || looksLikeCode(answer)) return false;
  const grammar = tokens.filter((word) => isStopWord(word)).length / tokens.length;
  const items = answer.split(/[,;\n|/]+|\s-\s/).map((item) => item.trim()).filter(Boolean);
  const shortItems = items.filter((item) => words(item).length <= 3).length;
  if (items.length >= 6 && shortItems / items.length >= 0.85 && grammar < 0.15) return true;
  // A sentence, however terse, ends like one.
  if (/[.!?]\s*$/.test(answer.trim())) return false;
  if (tokens.length >= 8 && grammar === 0) return true;
  // Unpunctuated too, as a spoken run of terms comes: seven are already a list.
  if (tokens.length >= 7 && grammar === 0 && !/[,;:]/.test(answer)) return true;
  const grammarWords = tokens.filter((word) => isStopWord(word) || PARTICLES.has(word)).length;
  if (tokens.length < 5 || grammarWords / tokens.length > 0.2) return false;
  const referenceStems = new Set(contentStems(reference));
  const stems = contentStems(answer);
  const borrowed = stems.filter((stem) => referenceStems.has(stem)).length / Math.max(stems.length, 1);
  return borrowed >= 0.8 && sharedPairs(tokens.map((word) => stemmer(word)), words(reference).map((word) => stemmer(word))) < 0.2;
}

// Short words that make a run of terms a sentence ("take up more memory"), beyond the stop words.
const PARTICLES = new Set(["up", "down", "out", "off", "more", "less", "most", "least", "not", "no", "only", "all", "one", "same"]);

/** Code: brackets, assignments, arrows, statement ends. Its grammar is not English. */
export function looksLikeCode(text: string): boolean {
  return /[{}]|;\s*(?:$|\n|\S)|->|=>|[=!<>]=|\w\s*\([^)]*\)\s*[;{]|\*\s*\(|\w\[\w*\]/.test(text);
}

/**
 * The reference's words in a jumble: nearly every content word of the answer is the reference's,
 * yet its words stand side by side as in the reference no more often than they would in a random
 * order of the same words. A text written by a person, even one close to the reference, keeps far
 * more of its phrases than chance (0.3 and more above it on Mohler's answers and the seed answers);
 * a shuffle keeps what chance keeps (within 0.1 of it).
 */
export function isWordSalad(answer: string, reference: string): boolean {
  const answerStems = contentStems(answer);
  const referenceStems = contentStems(reference);
  if (answerStems.length < 12 || referenceStems.length < 12) return false;
  const referenceSet = new Set(referenceStems);
  const shared = answerStems.filter((stem) => referenceSet.has(stem)).length / answerStems.length;
  if (shared < 0.85) return false;
  const tokens = words(answer).map((word) => stemmer(word));
  const referenceTokens = words(reference).map((word) => stemmer(word));
  return sharedPairs(tokens, referenceTokens) - sharedPairsByChance(tokens, referenceTokens) < 0.15;
}

/** The mean share of shared pairs over seeded random orders of the same tokens (deterministic). */
function sharedPairsByChance(tokens: string[], reference: string[], orders = 20): number {
  const random = seededRandom(tokens.length);
  let sum = 0;
  for (let order = 0; order < orders; order++) sum += sharedPairs(shuffled(tokens, random), reference);
  return sum / orders;
}

/** The share of the answer's adjacent pairs that also stand side by side in the reference. */
function sharedPairs(answer: string[], reference: string[]): number {
  const referencePairs = new Set(pairsOf(reference));
  const answerPairs = pairsOf(answer);
  return answerPairs.filter((pair) => referencePairs.has(pair)).length / Math.max(answerPairs.length, 1);
}

/** Half an answer's word pairs standing as they stand in another reference: that answer, recited. */
const RECITED_PAIRS = 0.5;
/** ...and this much more of them than the reference of the question asked. */
const RECITED_MARGIN = 0.25;

/** Another question's reference answer, as its word pairs: prepared once for every answer graded. */
export interface KnownAnswer {
  question: string;
  pairs: ReadonlySet<string>;
}

/** The corpus's reference answers, prepared for {@link recitesAnotherAnswer}. */
export function knownAnswers(items: readonly { question: string; answer: string | null }[]): KnownAnswer[] {
  return items.filter((item) => item.answer).map((item) => ({ question: item.question, pairs: new Set(pairsOf(pairTokens(item.answer!))) }));
}

/**
 * Another question's reference answer, recited: most of the answer's word pairs stand as they
 * stand in another question's reference, far more than in this question's. A memorised answer to
 * a neighbouring question shares the subject's words, so coverage alone would pay it; this says
 * which question it answers instead. Words of emphasis are set aside first, so that dressing the
 * recital up ("the crucial weights") does not hide it. Returns that question, or null.
 */
export function recitesAnotherAnswer(answer: string, reference: string, others: readonly KnownAnswer[]): string | null {
  const answerPairs = pairsOf(pairTokens(answer));
  if (answerPairs.length < 6 || others.length === 0) return null;
  const share = (pairs: ReadonlySet<string>) => answerPairs.filter((pair) => pairs.has(pair)).length / answerPairs.length;
  const own = share(new Set(pairsOf(pairTokens(reference))));
  let best: { question: string; share: number } | null = null;
  for (const other of others) {
    const recited = share(other.pairs);
    if (recited >= RECITED_PAIRS && recited >= own + RECITED_MARGIN && (!best || recited > best.share)) best = { question: other.question, share: recited };
  }
  return best?.question ?? null;
}

function pairsOf(tokens: readonly string[]): string[] {
  return tokens.slice(1).map((token, index) => `${tokens[index]} ${token}`);
}

/**
 * The content words in order: pairs of grammar ("of the", "the loss") stand in every reference and
 * would make any answer look recited.
 */
function pairTokens(text: string): string[] {
  return words(text).filter((word) => !isEmphasisWord(word) && !isStopWord(word)).map((word) => stemmer(word));
}
