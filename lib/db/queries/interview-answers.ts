import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Database } from "../client";
import { interviewAnswers, interviewMessages, interviewSessions } from "../schema";
import { isUuid } from "./interview-sessions";

export type InterviewAnswerRow = typeof interviewAnswers.$inferSelect;

/** An answer with when its interview started: what progress over time is computed from. */
export type InterviewAnswerWithSession = InterviewAnswerRow & { sessionStartedAt: Date };

export interface NewInterviewAnswer {
  sessionId: string;
  /** The candidate's message that carried the answer. */
  messageId: string;
  questionId: string | null;
  /** The question answered, as asked: the main question or the follow-up. */
  question: string;
  topic: string;
  isFollowUp: boolean;
  text: string;
  spoken: boolean;
  durationMs?: number | null;
}

/** Stores an answer before it is graded (its score stays null until `saveAnswerGrade`). */
export async function insertAnswer({ db, ...answer }: { db: Database } & NewInterviewAnswer): Promise<InterviewAnswerRow> {
  const [row] = await db
    .insert(interviewAnswers)
    .values({ ...answer, durationMs: answer.durationMs ?? null })
    .returning();
  return row!;
}

/**
 * Saves an answer's grade. `score` must be a number from 0 to 5; `grade` is the grader's whole
 * result as JSON. Returns the row, or null when there is no such answer.
 */
export async function saveAnswerGrade({
  db,
  answerId,
  score,
  grade,
  grader,
  gradedAt,
}: {
  db: Database;
  answerId: string;
  score: number;
  grade: Record<string, unknown>;
  grader: string;
  /** Defaults to the database's clock. */
  gradedAt?: Date;
}): Promise<InterviewAnswerRow | null> {
  if (!Number.isFinite(score) || score < 0 || score > 5) {
    throw new AppError("bad_request", `A score goes from 0 to 5, not ${score}.`);
  }
  if (!isUuid(answerId)) return null;
  const [row] = await db
    .update(interviewAnswers)
    .set({ score, grade, grader, gradedAt: gradedAt ?? sql`now()` })
    .where(eq(interviewAnswers.id, answerId))
    .returning();
  return row ?? null;
}

/** A session's answers in the order they were given. */
export async function listSessionAnswers({ db, sessionId }: { db: Database; sessionId: string }): Promise<InterviewAnswerRow[]> {
  if (!isUuid(sessionId)) return [];
  return listAnswersOfSessions({ db, sessionIds: [sessionId] });
}

/** The answers of several sessions (e.g. the history page's), each session's in the order given. */
export async function listAnswersOfSessions({ db, sessionIds }: { db: Database; sessionIds: string[] }): Promise<InterviewAnswerRow[]> {
  const ids = sessionIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ answer: interviewAnswers })
    .from(interviewAnswers)
    .innerJoin(interviewMessages, eq(interviewMessages.id, interviewAnswers.messageId))
    .where(inArray(interviewAnswers.sessionId, ids))
    .orderBy(asc(interviewAnswers.sessionId), asc(interviewMessages.seq));
  return rows.map((row) => row.answer);
}

/**
 * Every answer of one person's interviews started at or after `since` (all of them without it), with the
 * interview's start, oldest interview first: the input of progress per topic.
 */
export async function listAnswersSince({ db, ownerId, since }: { db: Database; ownerId: string; since?: Date }): Promise<InterviewAnswerWithSession[]> {
  const rows = await db
    .select({ answer: interviewAnswers, sessionStartedAt: interviewSessions.startedAt })
    .from(interviewAnswers)
    .innerJoin(interviewSessions, eq(interviewSessions.id, interviewAnswers.sessionId))
    .innerJoin(interviewMessages, eq(interviewMessages.id, interviewAnswers.messageId))
    .where(and(eq(interviewSessions.ownerId, ownerId), since ? gte(interviewSessions.startedAt, since) : undefined))
    .orderBy(asc(interviewSessions.startedAt), asc(interviewSessions.id), asc(interviewMessages.seq));
  return rows.map((row) => ({ ...row.answer, sessionStartedAt: row.sessionStartedAt }));
}
