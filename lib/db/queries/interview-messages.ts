import { and, asc, desc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Database } from "../client";
import { interviewMessages, interviewSessions } from "../schema";
import { isUuid, lockInterviewSession, type InterviewSessionPatch } from "./interview-sessions";

export type InterviewMessageRow = typeof interviewMessages.$inferSelect;

/** A message to append: the session and its place in the conversation (`seq`) are assigned here. */
export type NewInterviewMessage = Omit<typeof interviewMessages.$inferInsert, "id" | "sessionId" | "seq" | "createdAt">;

const CLIENT_ID_CONSTRAINT = "interview_messages_session_client_id_unique";

/** The session's messages in conversation order. */
export async function listInterviewMessages({ db, sessionId }: { db: Database; sessionId: string }): Promise<InterviewMessageRow[]> {
  if (!isUuid(sessionId)) return [];
  return db.select().from(interviewMessages).where(eq(interviewMessages.sessionId, sessionId)).orderBy(asc(interviewMessages.seq));
}

/** The session's latest message, or null when it has none. */
export async function getLastInterviewMessage({ db, sessionId }: { db: Database; sessionId: string }): Promise<InterviewMessageRow | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await db.select().from(interviewMessages).where(eq(interviewMessages.sessionId, sessionId)).orderBy(desc(interviewMessages.seq)).limit(1);
  return row ?? null;
}

/** The message the browser already sent under this id, or null: a retried send is recognised by it. */
export async function findMessageByClientId({
  db,
  sessionId,
  clientMessageId,
}: {
  db: Database;
  sessionId: string;
  clientMessageId: string;
}): Promise<InterviewMessageRow | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await db
    .select()
    .from(interviewMessages)
    .where(and(eq(interviewMessages.sessionId, sessionId), eq(interviewMessages.clientMessageId, clientMessageId)));
  return row ?? null;
}

/**
 * Appends messages to a session after its last one, and applies `sessionPatch` to the session,
 * in one transaction: either everything is written or nothing is. The session row is locked
 * (SELECT ... FOR UPDATE) while the next `seq` is read, so concurrent appends to one session
 * queue up instead of colliding. Returns the inserted rows in order.
 *
 * Throws AppError "not_found" when the session does not exist, and "conflict" when a message's
 * `clientMessageId` was already stored (the message was sent twice).
 */
export async function appendInterviewMessages({
  db,
  sessionId,
  messages,
  sessionPatch,
}: {
  db: Database;
  sessionId: string;
  messages: NewInterviewMessage[];
  sessionPatch?: InterviewSessionPatch;
}): Promise<InterviewMessageRow[]> {
  try {
    return await db.transaction(async (tx) => {
      const session = await lockInterviewSession({ db: tx, id: sessionId });
      if (!session) throw new AppError("not_found", "This interview does not exist.");
      let inserted: InterviewMessageRow[] = [];
      if (messages.length > 0) {
        const [last] = await tx
          .select({ seq: sql<number>`coalesce(max(${interviewMessages.seq}), -1)::int` })
          .from(interviewMessages)
          .where(eq(interviewMessages.sessionId, sessionId));
        const first = (last?.seq ?? -1) + 1;
        inserted = await tx
          .insert(interviewMessages)
          .values(messages.map((message, index) => ({ ...message, sessionId, seq: first + index })))
          .returning();
        inserted.sort((a, b) => a.seq - b.seq);
      }
      if (sessionPatch) {
        await tx
          .update(interviewSessions)
          .set({ ...sessionPatch, updatedAt: sql`now()` })
          .where(eq(interviewSessions.id, sessionId));
      }
      return inserted;
    });
  } catch (error) {
    if (violatedConstraint(error) === CLIENT_ID_CONSTRAINT) {
      throw new AppError("conflict", "This message was already received.", { cause: error });
    }
    throw error;
  }
}

/**
 * Merges `data` into a message's data (keys given replace, others stay): how a grade reaches the
 * feedback message once the stored answer is graded. Returns the row, or null when there is none.
 */
export async function updateMessageData({
  db,
  id,
  data,
}: {
  db: Database;
  id: string;
  data: Record<string, unknown>;
}): Promise<InterviewMessageRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(interviewMessages)
    .set({ data: sql`${interviewMessages.data} || ${JSON.stringify(data)}::jsonb` })
    .where(eq(interviewMessages.id, id))
    .returning();
  return row ?? null;
}

/** The constraint a unique violation (23505) broke, looking through drizzle's wrapping of the driver's error. */
function violatedConstraint(error: unknown): string | null {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    // PGlite names the constraint `constraint`, postgres-js `constraint_name`.
    const { code, constraint, constraint_name, cause } = current as Record<string, unknown>;
    if (code === "23505") {
      const name = constraint ?? constraint_name;
      return typeof name === "string" ? name : null;
    }
    current = cause;
  }
  return null;
}
