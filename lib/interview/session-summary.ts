import { mean, REVIEW_BELOW, scorePlan, type SummaryAnswer, type SummaryCard, type SummarySession } from "./session-scores";
import { renderSummaryMarkdown } from "./session-summary-markdown";
import type { SessionSummary } from "./types";

export { buildHistory, buildTopicProgress } from "./session-history";
export type { SummaryAnswer, SummaryCard, SummarySession } from "./session-scores";
export type { HistoryAnswer, HistorySession, ProgressAnswer } from "./session-history";

/**
 * The end-of-interview summary: each planned question with its score, the average over the
 * answered ones, the weakest topics, and what to review (answered below 4, or skipped) worst
 * first with the date each comes back (its review card's due date, or `now` without a card).
 *
 * `askedQuestionIds`, when given, are the questions the interviewer actually asked: an unanswered
 * question among them was skipped, one outside them was never reached (the interview ended
 * first) and is not put up for review. Without it every unanswered question counts as skipped.
 * `timeZone` (IANA, default UTC) sets the dates written in the Markdown.
 */
export function buildSessionSummary({
  session,
  answers,
  cards,
  now,
  askedQuestionIds,
  timeZone = "UTC",
}: {
  session: SummarySession;
  answers: SummaryAnswer[];
  cards: SummaryCard[];
  now: Date;
  askedQuestionIds?: Iterable<string>;
  timeZone?: string;
}): SessionSummary {
  const questions = scorePlan(session.plan, answers);
  const asked = askedQuestionIds ? new Set(askedQuestionIds) : null;
  const notAsked = new Set(questions.filter((item) => item.score === null && asked && !asked.has(item.questionId)).map((item) => item.questionId));
  const answered = questions.filter((item) => item.score !== null);

  const byTopic = new Map<string, number[]>();
  for (const item of answered) byTopic.set(item.topic, [...(byTopic.get(item.topic) ?? []), item.score!]);
  const weakestTopics = [...byTopic.entries()]
    .map(([topic, scores]) => ({ topic, average: mean(scores)!, answered: scores.length }))
    .sort((a, b) => a.average - b.average || a.topic.localeCompare(b.topic));

  const dueById = new Map(cards.map((card) => [card.questionId, card.due]));
  const toReview = questions
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => (item.score === null ? !notAsked.has(item.questionId) : item.score < REVIEW_BELOW))
    // A skip ranks as the worst answer: nothing was said at all.
    .sort((a, b) => (a.item.score ?? -1) - (b.item.score ?? -1) || a.index - b.index)
    .map(({ item }) => ({
      questionId: item.questionId,
      question: item.question,
      topic: item.topic,
      score: item.score,
      due: (dueById.get(item.questionId) ?? now).toISOString(),
    }));

  const summary: Omit<SessionSummary, "markdown"> = {
    id: session.id,
    startedAt: session.startedAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    style: session.style,
    questions,
    average: mean(answered.map((item) => item.score!)),
    weakestTopics,
    toReview,
  };
  return { ...summary, markdown: renderSummaryMarkdown({ summary, notAsked, timeZone }) };
}
