import type { InterviewStyle, SummaryQuestion } from "./types";

/** What a summary needs of a session (a stored session row fits). */
export interface SummarySession {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  style: InterviewStyle;
  plan: { questionId: string; question: string; topic: string }[];
}

/**
 * What a summary needs of an answer (a stored answer row fits). A follow-up answer carries the
 * id of the plan question it follows up on; `score` is null while the answer waits for its grade.
 */
export interface SummaryAnswer {
  questionId: string | null;
  isFollowUp: boolean;
  score: number | null;
  createdAt: Date;
}

/** What a summary needs of a review card (a stored card row fits). */
export interface SummaryCard {
  questionId: string;
  due: Date;
}

/** Below this score a question is worth reviewing. */
export const REVIEW_BELOW = 4;

/**
 * Scores each question of the plan from the answers: the latest graded main answer's score (null
 * when there is none) and the graded follow-up scores in the order given. Answers are taken in
 * `createdAt` order, ties in the order given (e.g. listSessionAnswers' conversation order).
 */
export function scorePlan(plan: SummarySession["plan"], answers: SummaryAnswer[]): SummaryQuestion[] {
  const byQuestion = new Map<string, { score: number | null; followUpScores: number[] }>();
  for (const item of plan) byQuestion.set(item.questionId, { score: null, followUpScores: [] });
  const ordered = answers.map((answer, index) => ({ answer, index }));
  ordered.sort((a, b) => a.answer.createdAt.getTime() - b.answer.createdAt.getTime() || a.index - b.index);
  for (const { answer } of ordered) {
    const scores = answer.questionId ? byQuestion.get(answer.questionId) : undefined;
    if (!scores || answer.score === null) continue;
    if (answer.isFollowUp) scores.followUpScores.push(answer.score);
    else scores.score = answer.score;
  }
  return plan.map((item) => ({ ...item, ...byQuestion.get(item.questionId)! }));
}

/** The mean of the numbers, rounded to two decimals, or null for none. */
export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
}
