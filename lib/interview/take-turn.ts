import "server-only";
import { getDatabase } from "@/lib/db/client";
import { insertAnswer } from "@/lib/db/queries/interview-answers";
import { appendInterviewMessages, findMessageByClientId, listInterviewMessages, type InterviewMessageRow } from "@/lib/db/queries/interview-messages";
import { getInterviewSession, runInTransaction } from "@/lib/db/queries/interview-sessions";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { analyzeDelivery } from "./delivery";
import { classifyMessage } from "./intent";
import { toInterviewMessage, toInterviewView } from "./message-view";
import { replyToMessage } from "./turn-replies";
import { readTurnState } from "./turn-state";
import type { InterviewMessage, InterviewView } from "./types";


export interface TurnInput {
  sessionId: string;
  /** Chosen by the browser per message: a message sent twice is answered once. */
  clientMessageId: string;
  text: string;
  spoken?: boolean;
  durationMs?: number | null;
  /** Pieces of the interviewer's reply as an LLM streams it. */
  onToken?: (text: string) => void;
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
  const { db } = await getDatabase();
  const session = await getInterviewSession({ db, id: input.sessionId });
  if (!session) throw new AppError("not_found", "This interview does not exist.");

  const known = await findMessageByClientId({ db, sessionId: session.id, clientMessageId: input.clientMessageId });
  if (known) {
    const replies = repliesAfter(await listInterviewMessages({ db, sessionId: session.id }), known);
    if (replies.length > 0 || session.status === "ended") return finishTurn(db, session.id, [known, ...replies]);
  }
  if (session.status === "ended") throw new AppError("conflict", "This interview has ended. Start a new one from the home page.");

  const state = readTurnState(session.state);
  const intent = known?.intent
    ? (known.intent as ReturnType<typeof classifyMessage>)
    : classifyMessage({ text: input.text, awaitingAnswer: state.awaiting !== "nothing", hasFeedback: state.lastFeedbackId !== null });
  const isAnswer = intent === "answer" && state.awaiting !== "nothing";
  const current = session.plan[session.position];

  // The person's words are stored before anything can fail: grading, the LLM, the next question.
  const stored =
    known ??
    (await runInTransaction({
      db,
      work: async (tx) => {
        const delivery = isAnswer ? analyzeDelivery({ text: input.text, spoken: Boolean(input.spoken), durationMs: input.durationMs ?? null }) : undefined;
        const [message] = await appendInterviewMessages({
          db: tx,
          sessionId: session.id,
          messages: [{ role: "candidate", kind: isAnswer ? "answer" : "message", text: input.text, intent, clientMessageId: input.clientMessageId, questionId: current?.questionId ?? null, data: delivery ? { delivery } : {} }],
        });
        if (isAnswer && current) {
          await insertAnswer({
            db: tx,
            sessionId: session.id,
            messageId: message!.id,
            questionId: current.questionId,
            question: state.awaiting === "follow-up" && state.followUp ? state.followUp.question : current.question,
            topic: current.topic,
            isFollowUp: state.awaiting === "follow-up",
            text: input.text,
            spoken: Boolean(input.spoken),
            durationMs: input.durationMs ?? null,
          });
        }
        return message!;
      },
    }));

  const replies = await replyToMessage({ db, session, state, intent: isAnswer ? "answer" : intent === "answer" ? "after-end" : intent, message: stored, onToken: input.onToken, signal: input.signal });
  return finishTurn(db, session.id, [stored, ...replies]);
}

/** The interviewer's messages that answered `message`: those after it, up to the person's next one. */
function repliesAfter(messages: readonly InterviewMessageRow[], message: InterviewMessageRow): InterviewMessageRow[] {
  const after = messages.filter((row) => row.seq > message.seq);
  const nextOwn = after.findIndex((row) => row.role === "candidate");
  return nextOwn === -1 ? after : after.slice(0, nextOwn);
}

async function finishTurn(db: Awaited<ReturnType<typeof getDatabase>>["db"], sessionId: string, rows: InterviewMessageRow[]) {
  const [session, all] = await Promise.all([getInterviewSession({ db, id: sessionId }), listInterviewMessages({ db, sessionId })]);
  return { messages: rows.map(toInterviewMessage), view: toInterviewView(session!, all) };
}
