import "server-only";
import type { Database } from "@/lib/db/client";
import { appendInterviewMessages, listInterviewMessages, type InterviewMessageRow, type NewInterviewMessage } from "@/lib/db/queries/interview-messages";
import type { InterviewSessionRow } from "@/lib/db/queries/interview-sessions";
import { getEmbedder } from "@/lib/embeddings";
import { getLlm } from "@/lib/llm";
import { answerClarifyingQuestion } from "./answer-clarifying-question";
import { explainGrade } from "./explain-grade";
import { hintFor } from "./hints";
import type { MessageData } from "./message-view";
import { followUpRubric, rubricForQuestion } from "./question-rubric";
import { loadPlannedItem, replyToAnswer } from "./reply-to-answer";
import { nextQuestionTurn } from "./next-question-turn";
import { recordReview } from "./record-review";
import type { TurnState } from "./turn-state";
import type { MessageIntent } from "./types";

export interface ReplyInput {
  db: Database;
  session: InterviewSessionRow;
  state: TurnState;
  /** "after-end": an answer-like message once every question was asked. */
  intent: MessageIntent | "after-end";
  message: InterviewMessageRow;
  onToken?: (text: string) => void;
  signal?: AbortSignal;
}

/** The interviewer's reply to the person's stored message, stored with the state it leads to. */
export async function replyToMessage(input: ReplyInput): Promise<InterviewMessageRow[]> {
  const { db, session, state, message } = input;
  const llm = getLlm();
  const current = session.plan[session.position];
  const say = (text: string, kind: string, data: MessageData = {}): NewInterviewMessage => ({ role: "interviewer", kind, text, questionId: current?.questionId ?? null, data: { ...data } });

  switch (input.intent) {
    case "answer":
      return replyToAnswer({ ...input, llm });
    case "repeat":
      return append(db, session.id, [say(state.lastAsked || current?.question || "There is no question to repeat.", state.awaiting === "follow-up" ? "follow-up" : "question")]);
    case "skip": {
      if (!current || state.awaiting === "nothing") return append(db, session.id, [say(AFTER_END, "notice")]);
      // A skipped question was not known: it comes back soon, as a failed answer would.
      if (state.awaiting === "answer") await recordReview({ db, ownerId: session.ownerId, questionId: current.questionId, question: current.question, topic: current.topic, score: 0, now: new Date() });
      const next = await nextQuestionTurn({ db, session, llm, previousScore: null, skipped: true, onToken: input.onToken, signal: input.signal });
      return append(db, session.id, next.messages, next.patch);
    }
    case "hint": {
      if (!current || state.awaiting === "nothing") return append(db, session.id, [say(AFTER_END, "notice")]);
      const item = await loadPlannedItem(db, current);
      if (!item) return append(db, session.id, [say("I have no reference answer for this question, so I cannot give a hint.", "notice")]);
      const whole = rubricForQuestion(item);
      const rubric = state.followUp ? followUpRubric(whole, state.followUp.question, state.followUp.points) : whole;
      const hint = hintFor({ rubric, level: state.hintLevel + 1, ...(state.missed.length ? { missed: state.missed } : {}) });
      return append(db, session.id, [say(hint.text, "hint")], { state: { ...state, hintLevel: hint.level } });
    }
    case "clarify": {
      const { embedder } = await getEmbedder();
      const item = current && state.awaiting !== "nothing" ? await loadPlannedItem(db, current) : null;
      const reply = await answerClarifyingQuestion({ db, question: message.text, visibleTo: session.ownerId, current: item, embedder, llm, onToken: input.onToken, signal: input.signal });
      return append(db, session.id, [say(reply.text, "clarification", { citations: reply.citations })]);
    }
    case "feedback-question": {
      const feedback = state.lastFeedbackId ? (await listInterviewMessages({ db, sessionId: session.id })).find((row) => row.id === state.lastFeedbackId) : undefined;
      const grade = (feedback?.data as MessageData | undefined)?.grade;
      const text = grade ? explainGrade({ message: message.text, grade }) : "There is no graded answer yet to explain: answer the question first.";
      return append(db, session.id, [say(text, "explanation")]);
    }
    case "after-end":
      return append(db, session.id, [say(AFTER_END, "notice")]);
  }
}

const AFTER_END = 'That was the last question. Press "End interview" to see your summary, or ask me anything about the material.';

function append(db: Database, sessionId: string, messages: NewInterviewMessage[], sessionPatch?: Parameters<typeof appendInterviewMessages>[0]["sessionPatch"]) {
  return appendInterviewMessages({ db, sessionId, messages, ...(sessionPatch ? { sessionPatch } : {}) });
}
