import type { InterviewMessageRow } from "@/lib/db/queries/interview-messages";
import type { InterviewSessionRow } from "@/lib/db/queries/interview-sessions";
import { readTurnState } from "./turn-state";
import type { DeliveryNotes, GradeView, InterviewMessage, InterviewMessageKind, InterviewView, MessageIntent, SourceCitation } from "./types";

/** What a message row carries in `data`, by kind. */
export interface MessageData {
  delivery?: DeliveryNotes;
  grade?: GradeView | null;
  citations?: SourceCitation[];
  /** The stored answer a feedback message grades. */
  answerId?: string;
}

/** A stored message as the app shows it. */
export function toInterviewMessage(row: InterviewMessageRow): InterviewMessage {
  const data = row.data as MessageData;
  return {
    id: row.id,
    seq: row.seq,
    role: row.role,
    kind: row.kind as InterviewMessageKind,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    questionId: row.questionId,
    ...(row.intent ? { intent: row.intent as MessageIntent } : {}),
    ...(data.delivery ? { delivery: data.delivery } : {}),
    ...(data.grade !== undefined ? { grade: data.grade } : {}),
    ...(data.citations ? { citations: data.citations } : {}),
  };
}

/** A session and its messages as the interview page shows them. */
export function toInterviewView(session: InterviewSessionRow, messages: readonly InterviewMessageRow[]): InterviewView {
  const state = readTurnState(session.state);
  return {
    id: session.id,
    settings: { topics: session.topics, questionCount: session.questionCount, style: session.style as InterviewView["settings"]["style"], voice: session.voice, dueOnly: session.dueOnly },
    mode: session.mode as InterviewView["mode"],
    status: session.status as InterviewView["status"],
    startedAt: session.startedAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    position: session.position,
    questionCount: session.plan.length,
    messages: messages.map(toInterviewMessage),
    awaitingAnswer: session.status === "active" && state.awaiting !== "nothing",
  };
}
