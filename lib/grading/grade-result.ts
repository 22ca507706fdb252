import type { AnswerFeatures } from "./answer-features";
import type { Citation } from "./rubric";

/** Anything suspicious about an answer, named so a person (and the eval) can see it. */
export type GradeFlag =
  | "manipulation"
  | "no-answer"
  | "gibberish"
  | "copied-question"
  | "keyword-list"
  | "word-salad"
  | "off-topic"
  /** The answer recites the reference answer of another question of the corpus. */
  | "other-question"
  | "wrong-statement"
  | "no-reference";

export interface CoveredPoint {
  point: string;
  /** The words of the answer that earned it. */
  evidence: string;
  /** 0 to 1: how much of the point the answer carries. */
  coverage: number;
}

export interface GradeResult {
  /** 0 to 5 in half points. */
  score: number;
  covered: CoveredPoint[];
  missed: string[];
  /** Two to four sentences. */
  feedback: string;
  /** A question aimed at the most important missed point, or null when nothing important is missing. */
  followUp: string | null;
  /** Which grader produced the result, and why another did not when it fell back. */
  grader: "local" | "llm";
  fallbackReason?: string;
  flags: GradeFlag[];
  references: Citation[];
  /** The offline grader's lexical features, for calibration and for explaining a score. */
  features?: AnswerFeatures;
}

/** Rounds to the nearest half point within 0 to 5. */
export function toHalfPoints(score: number): number {
  return Math.min(5, Math.max(0, Math.round(score * 2) / 2));
}
