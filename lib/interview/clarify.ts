import { splitKeyPoints } from "@/lib/grading/split-key-points";
import { contentStems } from "@/lib/grading/text-terms";
import { stripSpokenFillers } from "@/lib/retrieval/spoken-query";
import type { SourceCitation } from "./types";

/**
 * Extractive answers to clarifying questions ("what do you mean by co-adaptation?"), when no LLM
 * phrases them: the passages' sentences that best match the question's content words, cited,
 * leaving out whatever would answer the question being asked. The person gets the concept, not the
 * answer.
 */

export interface ClarifyPassage {
  text: string;
  document: string;
  line: number;
  questionId: string;
}

export interface Clarification {
  /** The sentences, each followed by its source's number ([1], [2]) in `citations`. */
  text: string;
  citations: SourceCitation[];
}

// Words of asking, not of the subject: "what do you mean by", "can you explain the term".
const META_STEMS = new Set(
  contentStems(
    "mean meant meaning explain explanation define definition clarify clarification question exactly asking ask talk talking " +
      "refer referring context general specifically example term word stand thing said say understand know tell want like please " +
      "hint sorry here there again actually okay",
  ),
);
/** The reply when the clarifying question asks for what the interview question asks. */
export const ASKS_THE_QUESTION = "That is what the question asks you to explain, so I'll leave it to you. If you're stuck, ask for a hint.";
const DEFAULT_SENTENCES = 2;
const MAX_SENTENCES = 3;
// A sentence must carry at least this share of the question's (weighted) content words.
const MIN_COVERAGE = 0.5;
// A later sentence must score at least this share of the best one to be worth adding.
const KEEP_RELATIVE = 0.75;
// A sentence sharing this much of a key point's own words (beyond the question's) states it.
const GIVEAWAY_SHARE = 0.5;
const GIVEAWAY_MIN_SHARED = 2;
// Definitions lead with the term: "Co-adaptation is when...", "An epoch is one pass...", "Epoch -
// one pass over...", "... is referred to as ReLU".
const DEFINITIONAL = /^[^.,;]{0,60}?\b(?:is|are|refers to|means|is called|is defined as|describes?|stands for)\b|^[^.,;:]{1,40}\s[-–—:]\s|\b(?:referred to as|known as|called|short for|stands for)\b/i;
const DEFINITION_BONUS = 0.25;
// The term asked about near a sentence's start: the sentence is about it, not passing by.
const LEADING_STEMS = 4;
const LEADING_BONUS = 0.1;

interface Candidate {
  text: string;
  stems: Set<string>;
  passage: number;
  order: number;
  citation: SourceCitation;
  questionId: string;
}

function sentencesOf(passages: readonly ClarifyPassage[]): Candidate[] {
  return passages.flatMap((passage, index) =>
    splitKeyPoints(passage.text)
      // A question in a passage asks; it explains nothing.
      .filter((point) => !/\?\s*$/.test(point.text))
      .map((point, order) => ({
        text: point.text.replace(/^#{1,6}\s+/, "").trim(),
        stems: new Set(contentStems(point.text)),
        passage: index,
        order,
        citation: { document: passage.document, line: passage.line },
        questionId: passage.questionId,
      })),
  );
}

/** Whether a sentence states one of the current question's key points: the answer itself. */
function givesAway(sentence: Set<string>, keyPoints: Set<string>[], asked: Set<string>): boolean {
  return keyPoints.some((point) => {
    const own = [...point].filter((stem) => !asked.has(stem));
    const shared = own.filter((stem) => sentence.has(stem)).length;
    return shared >= GIVEAWAY_MIN_SHARED && shared >= GIVEAWAY_SHARE * own.length;
  });
}

/**
 * Answers a clarifying question from the passages: 1 to `maxSentences` (default 2, at most 3)
 * sentences that best match its content words, read in document order, each marked with its
 * source's number in `citations`. Sentences from the current question's own reference passages,
 * or that state one of its key points, are left out; a question about just the words of the
 * current question (given as `current.question`) gets ASKS_THE_QUESTION with no citation. Null
 * when nothing relevant is left. Pure.
 */
export function answerClarification({
  message,
  passages,
  current,
  maxSentences = DEFAULT_SENTENCES,
}: {
  message: string;
  passages: readonly ClarifyPassage[];
  current: { questionId: string; keyPoints: string[]; question?: string } | null;
  maxSentences?: number;
}): Clarification | null {
  // One-letter stems are the tails of contractions ("what's", "don't"), not words.
  const asked = new Set(contentStems(stripSpokenFillers(message)).filter((stem) => stem.length > 1 && !META_STEMS.has(stem)));
  if (asked.size === 0) return null;
  // "What is dropout?" while being asked about dropout layers: the clarification would be the answer.
  const subject = new Set(contentStems(questionSubject(current?.question ?? "")));
  if (subject.size && [...asked].every((stem) => subject.has(stem))) return { text: ASKS_THE_QUESTION, citations: [] };
  const keyPoints = (current?.keyPoints ?? []).map((point) => new Set(contentStems(point)));
  const candidates = sentencesOf(passages).filter(
    (candidate) => candidate.questionId !== current?.questionId && !givesAway(candidate.stems, keyPoints, asked),
  );
  // Rarer words of the question say more about what is asked: weight each by inverse sentence frequency.
  const weight = new Map([...asked].map((stem) => [stem, Math.log(1 + (candidates.length + 1) / (1 + candidates.filter((c) => c.stems.has(stem)).length))]));
  const total = [...weight.values()].reduce((sum, value) => sum + value, 0);
  const scored = candidates
    .map((candidate) => {
      const matched = [...asked].filter((stem) => candidate.stems.has(stem));
      const coverage = matched.reduce((sum, stem) => sum + weight.get(stem)!, 0) / total;
      const definitional = DEFINITIONAL.test(candidate.text) && matched.length > 0 ? DEFINITION_BONUS : 0;
      const leading = contentStems(candidate.text).slice(0, LEADING_STEMS).some((stem) => asked.has(stem)) ? LEADING_BONUS : 0;
      // Short, focused sentences explain better than long ones that mention everything.
      const focus = 0.1 * Math.min(1, 12 / Math.max(1, candidate.stems.size));
      return { candidate, coverage, score: coverage + definitional + leading + focus - 0.01 * candidate.order };
    })
    .filter((entry) => entry.coverage >= MIN_COVERAGE)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return null;

  const limit = Math.max(1, Math.min(MAX_SENTENCES, Math.floor(maxSentences)));
  const chosen: Candidate[] = [];
  for (const { candidate, score } of scored) {
    if (chosen.length >= limit || score < KEEP_RELATIVE * scored[0]!.score) break;
    if (chosen.some((other) => overlap(other.stems, candidate.stems) >= 0.8)) continue;
    chosen.push(candidate);
  }
  // Best passage first; sentences of one passage keep their order, so they read as written.
  const passageRank = new Map<number, number>();
  chosen.forEach((candidate, rank) => passageRank.set(candidate.passage, passageRank.get(candidate.passage) ?? rank));
  chosen.sort((a, b) => passageRank.get(a.passage)! - passageRank.get(b.passage)! || a.order - b.order);
  const citations: SourceCitation[] = [];
  const text = chosen
    .map((candidate) => {
      let number = citations.findIndex((known) => known.document === candidate.citation.document && known.line === candidate.citation.line);
      if (number < 0) number = citations.push(candidate.citation) - 1;
      return `${candidate.text} [${number + 1}]`;
    })
    .join(" ");
  return { text, citations };
}

// What a question asks about comes after its frame ("What are", "Explain", "How does") and before
// its second clause: "dropout layers" in "What are dropout layers, and how do they help...?".
const QUESTION_FRAME = /^(?:what(?:'s|’s| is| are| was| were)|what do you (?:understand|mean) by|explain|describe|define|discuss|elaborate on|compare|how (?:does|do|is|are|can|would)|why (?:is|are|does|do|should|would))\s+/i;

/** The words a question asks about: what follows its frame, up to its first clause break. Pure. */
export function questionSubject(question: string): string {
  const framed = question.trim().replace(QUESTION_FRAME, "");
  if (framed === question.trim()) return "";
  return framed.split(/[,;:?.!]|\s+(?:and|or) (?:how|why|what|when|which|where)\b|\s+(?:work|works|help|used|important)\b/i)[0]!.trim();
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const stem of a) if (b.has(stem)) shared++;
  return shared / Math.min(a.size, b.size);
}
