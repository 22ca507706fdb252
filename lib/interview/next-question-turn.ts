import "server-only";
import type { Database } from "@/lib/db/client";
import { listSessionAnswers } from "@/lib/db/queries/interview-answers";
import type { NewInterviewMessage } from "@/lib/db/queries/interview-messages";
import type { InterviewSessionPatch, InterviewSessionRow } from "@/lib/db/queries/interview-sessions";
import type { Llm } from "@/lib/llm";
import { speakTurn } from "./interviewer-voice";
import { phraseClosing, phraseQuestion } from "./phrasing";
import { mean, scorePlan } from "./session-scores";
import { INITIAL_TURN_STATE, type TurnState } from "./turn-state";

/**
 * The interviewer moves on: the next question of the plan with a transition that fits how the
 * last answer went, or, after the last one, the closing words. Returns the messages and the
 * session patch to store with them.
 */
export async function nextQuestionTurn({
  db,
  session,
  llm,
  previousScore,
  skipped = false,
  justGraded,
  onToken,
  signal,
}: {
  db: Database;
  session: InterviewSessionRow;
  llm: Llm | null;
  previousScore: number | null;
  skipped?: boolean;
  /** An answer graded in this turn whose grade is not stored yet: the closing counts it. */
  justGraded?: { answerId: string; score: number };
  onToken?: (text: string) => void;
  signal?: AbortSignal;
}): Promise<{ messages: NewInterviewMessage[]; patch: InterviewSessionPatch }> {
  const position = session.position + 1;
  const seed = `${session.id}:${position}`;
  const stream = { ...(onToken ? { onToken } : {}), ...(signal ? { signal } : {}) };
  const next = session.plan[position];
  if (!next) {
    const answers = (await listSessionAnswers({ db, sessionId: session.id })).map((row) => (row.id === justGraded?.answerId ? { ...row, score: justGraded.score } : row));
    const scores = scorePlan(session.plan, answers)
      .map((item) => item.score)
      .filter((score): score is number => score !== null);
    // As the summary will show it (mean: two decimals), so the closing and the summary agree.
    const average = mean(scores);
    const closing = await speakTurn({
      llm,
      request: { kind: "closing", style: session.style, answered: scores.length, average, template: phraseClosing({ style: session.style, answered: scores.length, average }) },
      ...stream,
    });
    const state: TurnState = { ...INITIAL_TURN_STATE, awaiting: "nothing", previousScore };
    return {
      messages: [
        ...(closing.notice ? [{ role: "interviewer" as const, kind: "notice", text: closing.notice, questionId: null, data: {} }] : []),
        { role: "interviewer", kind: "closing", text: closing.text, questionId: null, data: {} },
      ],
      patch: { position: session.plan.length, state: { ...state } },
    };
  }
  const template = phraseQuestion({ style: session.style, question: next.question, index: position, total: session.plan.length, previousScore: skipped ? null : previousScore, seed });
  const asked = await speakTurn({
    llm,
    request: { kind: "question", style: session.style, question: next.question, previousQuestion: session.plan[session.position]?.question, previousScore: skipped ? null : previousScore, index: position, total: session.plan.length, template },
    ...stream,
  });
  const state: TurnState = { ...INITIAL_TURN_STATE, lastAsked: asked.text, previousScore };
  return {
    messages: [
      ...(asked.notice ? [{ role: "interviewer" as const, kind: "notice", text: asked.notice, questionId: null, data: {} }] : []),
      { role: "interviewer", kind: "question", text: asked.text, questionId: next.questionId, data: {} },
    ],
    patch: { position, state: { ...state } },
  };
}
