import { and, desc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Database } from "../client";
import { interviewSessions } from "../schema";
import type { InterviewPlanItem } from "../schema/interview-sessions";

export type { InterviewPlanItem } from "../schema/interview-sessions";
export type InterviewSessionRow = typeof interviewSessions.$inferSelect;

/** The settings an interview starts with (the shape of lib/interview's InterviewSettings). */
export interface InterviewSessionSettings {
  topics: string[];
  questionCount: number;
  style: "friendly" | "neutral" | "tough";
  voice: boolean;
  dueOnly: boolean;
}

/** What a turn of the interview may change on the session row. */
export interface InterviewSessionPatch {
  position?: number;
  state?: Record<string, unknown>;
  status?: "active" | "ended";
  endedAt?: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `id` can be a row id; anything else (from a URL, say) cannot name a session. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * Runs `work` in one transaction: everything it writes commits together or not at all. Pass the
 * `tx` it receives as `db` to the query functions. Inside another transaction it nests (a
 * savepoint), so callers need not know whether they are already in one.
 */
export function runInTransaction<T>({ db, work }: { db: Database; work: (tx: Database) => Promise<T> }): Promise<T> {
  return db.transaction((tx) => work(tx));
}

/** Starts an interview with its plan (a snapshot of the questions to ask). */
export async function createInterviewSession({
  db,
  ownerId,
  settings,
  mode,
  plan,
}: {
  db: Database;
  /** Whose interview: a person's id, or "local" when nobody signs in. */
  ownerId: string;
  settings: InterviewSessionSettings;
  mode: "llm" | "offline";
  plan: InterviewPlanItem[];
}): Promise<InterviewSessionRow> {
  if (!Number.isInteger(settings.questionCount) || settings.questionCount < 1) {
    throw new AppError("bad_request", "An interview needs at least one question.");
  }
  const [row] = await db
    .insert(interviewSessions)
    .values({
      ownerId,
      style: settings.style,
      voice: settings.voice,
      topics: settings.topics,
      questionCount: settings.questionCount,
      dueOnly: settings.dueOnly,
      mode,
      plan: plan.map(({ questionId, question, topic }) => ({ questionId, question, topic })),
    })
    .returning();
  return row!;
}

/**
 * The session, or null when there is none with this id (a malformed id included) or, given
 * `ownerId`, when it is someone else's: to another person an interview does not exist.
 */
export async function getInterviewSession({ db, id, ownerId }: { db: Database; id: string; ownerId?: string }): Promise<InterviewSessionRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(interviewSessions)
    .where(and(eq(interviewSessions.id, id), ownerId === undefined ? undefined : eq(interviewSessions.ownerId, ownerId)));
  return row ?? null;
}

/**
 * The session, locked until the end of the caller's transaction (SELECT ... FOR UPDATE): a turn
 * that reads the session's state, decides and writes holds this so two requests on one
 * interview take turns. Null when there is no such session. Only meaningful inside a transaction.
 */
export async function lockInterviewSession({ db, id }: { db: Database; id: string }): Promise<InterviewSessionRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(interviewSessions).where(eq(interviewSessions.id, id)).for("update");
  return row ?? null;
}

/** Applies a patch to the session (and touches `updatedAt`); returns the row, or null when there is none. */
export async function updateInterviewSession({
  db,
  id,
  patch,
}: {
  db: Database;
  id: string;
  patch: InterviewSessionPatch;
}): Promise<InterviewSessionRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(interviewSessions)
    // drizzle leaves out undefined fields: `{ position: undefined }` keeps the column as it is.
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(interviewSessions.id, id))
    .returning();
  return row ?? null;
}

/** One person's interviews, newest first. */
export async function listInterviewSessions({ db, ownerId, limit = 50 }: { db: Database; ownerId: string; limit?: number }): Promise<InterviewSessionRow[]> {
  return db.select().from(interviewSessions).where(eq(interviewSessions.ownerId, ownerId)).orderBy(desc(interviewSessions.startedAt), desc(interviewSessions.id)).limit(limit);
}

/** Deletes an interview with its messages and answers (they cascade). True when there was one. */
export async function deleteInterviewSession({ db, id }: { db: Database; id: string }): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db.delete(interviewSessions).where(eq(interviewSessions.id, id)).returning({ id: interviewSessions.id });
  return rows.length > 0;
}
