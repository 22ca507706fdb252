import "server-only";
import { getDatabase, type Database } from "@/lib/db/client";
import { listInterviewMessages, type InterviewMessageRow } from "@/lib/db/queries/interview-messages";
import { getInterviewSession } from "@/lib/db/queries/interview-sessions";
import { retryTransient } from "@/lib/db/retry-transient";
import { getEnv } from "@/lib/env";
import { AppError, isTransientConnectionError } from "@/lib/errors";
import { toInterviewMessage, toInterviewView } from "./message-view";
import { resumePendingAnswer } from "./resume-pending-answer";
import { findSentMessage, storeTurnMessage, type MessageToStore } from "./store-turn-message";
import { replyToMessage } from "./turn-replies";
import type { InterviewMessage, InterviewView } from "./types";

/** The person's message (MessageToStore: whose interview, its client id, text, how it was given) and how to reply. */
export interface TurnInput extends MessageToStore {
  /** Pieces of the interviewer's reply as an LLM streams it. */
  onToken?: (text: string) => void;
  /** Called once the message is surely stored, before the reply: from here a failure loses nothing. */
  onStored?: () => void;
  signal?: AbortSignal;
}

const queues = globalThis as unknown as { __coachTurnQueues?: Map<string, Promise<unknown>> };

/**
 * One turn of the interview: the person's message is stored first (an answer also as an answer
 * row, before it is graded), then taken for what it is (answer, clarifying question, question
 * about the feedback, hint, skip, repeat) and replied to. Turns of one interview run one after the
 * other. A message sent again with the same `clientMessageId` gets the reply already given, or, if
 * the first attempt died before replying, the reply it should have had.
 */
export async function takeTurn(input: TurnInput): Promise<{ messages: InterviewMessage[]; view: InterviewView }> {
  const text = checkMessageText(input.text);
  if (!/^[\w-]{1,100}$/.test(input.clientMessageId)) throw new AppError("bad_request", "The message has no valid client id.");
  return inTurn(input.sessionId, () => runTurn({ ...input, text }));
}

/**
 * The message as a turn takes it (NUL characters dropped, trimmed), or why it cannot be taken.
 * Route handlers call it before they start streaming, so a refusal has its own HTTP status.
 * @throws AppError("bad_request") when empty, ("payload_too_large") over MAX_ANSWER_CHARS.
 */
export function checkMessageText(raw: string): string {
  const text = raw.replace(/\u0000/g, "").trim();
  if (!text) throw new AppError("bad_request", "The message is empty: write or say your answer first.");
  // MAX_ANSWER_CHARS (20,000 by default) is longer than any spoken answer (about 20 minutes of speech).
  const limit = getEnv().MAX_ANSWER_CHARS;
  if (text.length > limit) {
    throw new AppError("payload_too_large", `The message is ${text.length.toLocaleString("en")} characters long; the limit is ${limit.toLocaleString("en")} (MAX_ANSWER_CHARS). Shorten it and send again.`);
  }
  return text;
}

/**
 * Runs `work` after every earlier turn of the same interview in this process has finished, and
 * before any later one: how turns (and ending the interview) take their turn.
 */
export function inTurn<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
  const map = (queues.__coachTurnQueues ??= new Map());
  const previous = map.get(sessionId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  map.set(sessionId, next);
  void next.finally(() => {
    if (map.get(sessionId) === next) map.delete(sessionId);
  }).catch(() => undefined);
  return next;
}

async function runTurn(input: TurnInput): Promise<{ messages: InterviewMessage[]; view: InterviewView }> {
  // Until the message is stored, a lost database connection means "send it again"; the client id
  // makes the second send store it once. The lookups and the keyed insert are retried once here.
  const { db } = await beforeStored(() => retryTransient(getDatabase));
  const known = await beforeStored(() => retryTransient(() => findSentMessage(db, input)));
  // An answer whose turn was cut off (the process died while grading it) is graded first, so it
  // is not left ungraded behind this new message.
  if (!known) await beforeStored(() => resumePendingAnswer({ db, sessionId: input.sessionId }));
  const stored = await beforeStored(() => retryTransient(() => storeTurnMessage(db, input)));
  input.onStored?.();
  const { session, state, message, intent, isAnswer } = stored;
  if (stored.replies.length > 0 || session.status === "ended") return afterStored(() => finishTurn(db, session.id, [message, ...stored.replies]));

  const replies = await afterStored(() =>
    replyToMessage({ db, session, state, intent: isAnswer ? "answer" : intent === "answer" ? "after-end" : intent, message, onToken: input.onToken, signal: input.signal }),
  );
  return afterStored(() => retryTransient(() => finishTurn(db, session.id, [message, ...replies])));
}

/** Shown when the database failed before the message was surely stored. */
export const NOT_STORED_MESSAGE = "The database is not answering right now, so your message may not have been saved. Nothing is lost: send it again and it will be stored once.";
/** Shown when the message was stored but the database failed before the reply. */
export const STORED_NOT_REPLIED_MESSAGE = "Your message was saved, but the database stopped answering before the interviewer could reply. Send it again in a moment (it will not be stored twice) or reload the page.";

function beforeStored<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    throw isTransientConnectionError(error) ? new AppError("unavailable", NOT_STORED_MESSAGE, { cause: error }) : error;
  });
}

function afterStored<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    throw isTransientConnectionError(error) ? new AppError("unavailable", STORED_NOT_REPLIED_MESSAGE, { cause: error }) : error;
  });
}

/** Whether a turn (or the end) of this interview is under way in this process. */
export function turnInFlight(sessionId: string): boolean {
  return queues.__coachTurnQueues?.has(sessionId) ?? false;
}

async function finishTurn(db: Database, sessionId: string, rows: InterviewMessageRow[]) {
  const [session, all] = await Promise.all([getInterviewSession({ db, id: sessionId }), listInterviewMessages({ db, sessionId })]);
  return { messages: rows.map(toInterviewMessage), view: toInterviewView(session!, all) };
}
