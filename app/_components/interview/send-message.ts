import type { InterviewMessage, InterviewView } from "@/lib/interview/types";
import { errorMessageOf, readNdjson } from "../read-ndjson";

/** One line of the reply stream of POST /api/interviews/{id}/messages. */
export type ReplyEvent =
  | { type: "token"; text: string }
  | { type: "messages"; messages: InterviewMessage[] }
  | { type: "done"; view: InterviewView }
  | { type: "error"; message: string };

export interface OutgoingMessage {
  clientMessageId: string;
  text: string;
  spoken?: boolean;
  durationMs?: number;
}

/** Raised when the message may have been stored before the failure (the stream had begun). */
export class ReplyError extends Error {
  constructor(
    message: string,
    readonly started: boolean,
  ) {
    super(message);
    this.name = "ReplyError";
  }
}

/**
 * Sends one message and streams the reply to `onEvent`; resolves with the final view.
 * @throws ReplyError with a message for the person when the request or the stream fails.
 */
export async function sendMessage(interviewId: string, message: OutgoingMessage, onEvent: (event: ReplyEvent) => void): Promise<InterviewView> {
  let response: Response;
  try {
    response = await fetch(`/api/interviews/${encodeURIComponent(interviewId)}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
    });
  } catch {
    throw new ReplyError("Could not reach the server. Check your connection and send again.", false);
  }
  if (!response.ok) throw new ReplyError(await errorMessageOf(response), false);
  const outcome: { view: InterviewView | null; failure: string | null } = { view: null, failure: null };
  try {
    await readNdjson(response, (value) => {
      const event = value as ReplyEvent;
      if (event.type === "done") outcome.view = event.view;
      else if (event.type === "error") outcome.failure = event.message || "The interviewer could not reply.";
      onEvent(event);
    });
  } catch {
    throw new ReplyError("The connection broke while the interviewer was replying.", true);
  }
  if (outcome.failure) throw new ReplyError(outcome.failure, true);
  if (!outcome.view) throw new ReplyError("The reply ended before it was complete.", true);
  return outcome.view;
}

/** The interview as stored now, to catch up after a broken reply. */
export async function fetchView(interviewId: string): Promise<InterviewView | null> {
  try {
    const response = await fetch(`/api/interviews/${encodeURIComponent(interviewId)}`, { cache: "no-store" });
    return response.ok ? ((await response.json()) as InterviewView) : null;
  } catch {
    return null;
  }
}
