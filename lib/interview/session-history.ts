import { formatDay } from "./session-summary-markdown";
import { mean, scorePlan, type SummaryAnswer, type SummarySession } from "./session-scores";
import type { HistoryEntry, TopicProgress } from "./types";

/** What history needs of a session (a stored session row fits). */
export interface HistorySession extends SummarySession {
  topics: string[];
}

/** What history needs of an answer: a summary's, plus the session it belongs to. */
export interface HistoryAnswer extends SummaryAnswer {
  sessionId: string;
}

/** What progress needs of an answer: its topic and the day its interview started. */
export interface ProgressAnswer extends HistoryAnswer {
  topic: string;
  sessionStartedAt: Date;
}

/**
 * One history entry per session, in the order given (listInterviewSessions gives newest first):
 * how many planned questions got a graded main answer and their average (each question's latest
 * score, as in the summary). `questionCount` is the plan's length: the questions the interview had.
 */
export function buildHistory(sessions: HistorySession[], answers: HistoryAnswer[]): HistoryEntry[] {
  const bySession = groupBy(answers, (answer) => answer.sessionId);
  return sessions.map((session) => {
    const scores = scorePlan(session.plan, bySession.get(session.id) ?? [])
      .map((item) => item.score)
      .filter((score): score is number => score !== null);
    return {
      id: session.id,
      startedAt: session.startedAt.toISOString(),
      endedAt: session.endedAt?.toISOString() ?? null,
      style: session.style,
      topics: session.topics,
      questionCount: session.plan.length,
      answered: scores.length,
      average: mean(scores),
    };
  });
}

/**
 * Scores over time per topic (topics in alphabetical order): for each day on which interviews
 * started, the average of the graded main answers, oldest day first. A question answered twice
 * in one interview counts once, with its latest score, as in the summary. Days are calendar days
 * in `timeZone` (IANA, default UTC).
 */
export function buildTopicProgress(answers: ProgressAnswer[], { timeZone = "UTC" }: { timeZone?: string } = {}): TopicProgress[] {
  const latest = new Map<string, ProgressAnswer>();
  answers.forEach((answer, index) => {
    if (answer.isFollowUp || answer.score === null) return;
    // Answers without a question id cannot be the same question as another: keep each.
    const key = answer.questionId ? `${answer.sessionId}:${answer.questionId}` : `#${index}`;
    const previous = latest.get(key);
    if (!previous || previous.createdAt.getTime() <= answer.createdAt.getTime()) latest.set(key, answer);
  });
  const byTopic = groupBy([...latest.values()], (answer) => answer.topic);
  return [...byTopic.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, topicAnswers]) => {
      const byDay = groupBy(topicAnswers, (answer) => formatDay(answer.sessionStartedAt, timeZone));
      const points = [...byDay.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, dayAnswers]) => ({ date, average: mean(dayAnswers.map((answer) => answer.score!))!, answers: dayAnswers.length }));
      return { topic, points };
    });
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
