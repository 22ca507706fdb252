import "server-only";
import type { Database } from "@/lib/db/client";
import { insertAnswer } from "@/lib/db/queries/interview-answers";
import { appendInterviewMessages, findMessageByClientId, listInterviewMessages, type InterviewMessageRow } from "@/lib/db/queries/interview-messages";
import { getInterviewSession, runInTransaction, type InterviewSessionRow } from "@/lib/db/queries/interview-sessions";
import { AppError } from "@/lib/errors";
import { analyzeDelivery } from "./delivery";
import { classifyMessage } from "./intent";
import { readTurnState, type TurnState } from "./turn-state";
import type { MessageIntent } from "./types";

export interface MessageToStore {
  sessionId: string;
  /** Who is asking: someone else's interview does not exist for them. */
  ownerId: string;
  /** Chosen by the browser per message: a message sent twice is answered once. */
  clientMessageId: string;
  text: string;
  spoken?: boolean;
  durationMs?: number | null;
}

/** The person's message as stored, and what the turn needs to reply to it. */
export interface StoredTurnMessage {
  session: InterviewSessionRow;
  state: TurnState;
  message: InterviewMessageRow;
  intent: MessageIntent;
  isAnswer: boolean;
  /** The interviewer's replies already stored for this message (a message sent again). */
  replies: InterviewMessageRow[];
}

/** The message already stored under this client id, or null. Throws not_found for no such interview. */
export async function findSentMessage(db: Database, input: MessageToStore): Promise<InterviewMessageRow | null> {
  const session = await getInterviewSession({ db, id: input.sessionId, ownerId: input.ownerId });
  if (!session) throw new AppError("not_found", "This interview does not exist.");
  return findMessageByClientId({ db, sessionId: session.id, clientMessageId: input.clientMessageId });
}

/**
 * Stores the person's message (and, for an answer, its answer row, before any grading) in one
 * transaction, keyed by its client id: when that id is already stored (the message was sent
 * twice, or an earlier try committed but its connection died before saying so) the stored row is
 * used and nothing is added. So running this again after a failure never stores a message twice.
 */
export async function storeTurnMessage(db: Database, input: MessageToStore): Promise<StoredTurnMessage> {
  const session = await getInterviewSession({ db, id: input.sessionId, ownerId: input.ownerId });
  if (!session) throw new AppError("not_found", "This interview does not exist.");
  const known = await findMessageByClientId({ db, sessionId: session.id, clientMessageId: input.clientMessageId });
  if (known) return described(db, session, known);
  if (session.status === "ended") throw new AppError("conflict", "This interview has ended. Start a new one from the home page.");

  const state = readTurnState(session.state);
  const intent = classifyMessage({ text: input.text, awaitingAnswer: state.awaiting !== "nothing", hasFeedback: state.lastFeedbackId !== null });
  const isAnswer = intent === "answer" && state.awaiting !== "nothing";
  const current = session.plan[session.position];
  try {
    const message = await runInTransaction({
      db,
      work: async (tx) => {
        const delivery = isAnswer ? analyzeDelivery({ text: input.text, spoken: Boolean(input.spoken), durationMs: input.durationMs ?? null }) : undefined;
        const [row] = await appendInterviewMessages({
          db: tx,
          sessionId: session.id,
          messages: [{ role: "candidate", kind: isAnswer ? "answer" : "message", text: input.text, intent, clientMessageId: input.clientMessageId, questionId: current?.questionId ?? null, data: delivery ? { delivery } : {} }],
        });
        if (isAnswer && current) {
          await insertAnswer({
            db: tx,
            sessionId: session.id,
            messageId: row!.id,
            questionId: current.questionId,
            question: state.awaiting === "follow-up" && state.followUp ? state.followUp.question : current.question,
            topic: current.topic,
            isFollowUp: state.awaiting === "follow-up",
            text: input.text,
            spoken: Boolean(input.spoken),
            durationMs: input.durationMs ?? null,
          });
        }
        return row!;
      },
    });
    return { session, state, message, intent, isAnswer, replies: [] };
  } catch (error) {
    // Stored meanwhile under the same id (another server, or our own commit whose reply was lost).
    if (!(error instanceof AppError && error.code === "conflict")) throw error;
    const stored = await findMessageByClientId({ db, sessionId: session.id, clientMessageId: input.clientMessageId });
    if (!stored) throw error;
    return described(db, (await getInterviewSession({ db, id: session.id })) ?? session, stored);
  }
}

async function described(db: Database, session: InterviewSessionRow, message: InterviewMessageRow): Promise<StoredTurnMessage> {
  const state = readTurnState(session.state);
  const replies = repliesAfter(await listInterviewMessages({ db, sessionId: session.id }), message);
  const intent = (message.intent ?? "answer") as MessageIntent;
  // An answer is recognised by its kind: the state has moved on once it was replied to.
  return { session, state, message, intent, isAnswer: message.kind === "answer", replies };
}

/** The interviewer's messages that answered `message`: those after it, up to the person's next one. */
export function repliesAfter(messages: readonly InterviewMessageRow[], message: InterviewMessageRow): InterviewMessageRow[] {
  const after = messages.filter((row) => row.seq > message.seq);
  const nextOwn = after.findIndex((row) => row.role === "candidate");
  return nextOwn === -1 ? after : after.slice(0, nextOwn);
}
