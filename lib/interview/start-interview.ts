import "server-only";
import { getDatabase } from "@/lib/db/client";
import { appendInterviewMessages } from "@/lib/db/queries/interview-messages";
import { createInterviewSession, runInTransaction } from "@/lib/db/queries/interview-sessions";
import { listQuestions } from "@/lib/db/queries/questions";
import { getReviewCards, listDueReviewCards } from "@/lib/db/queries/review-cards";
import { AppError } from "@/lib/errors";
import { getLlm } from "@/lib/llm";
import { speakTurn } from "./interviewer-voice";
import { phraseOpening, phraseQuestion } from "./phrasing";
import { planQuestions } from "./plan-questions";
import { INITIAL_TURN_STATE, type TurnState } from "./turn-state";
import type { InterviewSettings } from "./types";

/**
 * Starts an interview: plans its questions (due for review first), then stores the session, the
 * interviewer's opening and first question together, so an interview never exists without its
 * first question. With an LLM the opening is phrased by it (not streamed: the page opens on it).
 */
export async function startInterview(settings: InterviewSettings, { ownerId }: { ownerId: string }): Promise<{ id: string }> {
  const { db } = await getDatabase();
  const now = new Date();
  const bank = await listQuestions({ db, visibleTo: ownerId });
  const due = await listDueReviewCards({ db, ownerId, now, limit: 500 });
  const reviewed = new Set((await getReviewCards({ db, ownerId, questionIds: bank.map((item) => item.id) })).map((card) => card.questionId));
  const plan = planQuestions({ bank, settings, due: due.map((card) => card.questionId), reviewed, seed: now.getTime() % 2 ** 31 });
  if (plan.length === 0) {
    throw new AppError(
      "bad_request",
      settings.dueOnly
        ? "No question is due for review yet. Start an interview on all questions instead."
        : bank.length === 0
          ? "There are no questions yet: add study documents in the library first."
          : "None of the chosen topics has a question with a reference answer. Choose other topics.",
    );
  }

  const llm = getLlm();
  const first = plan[0]!;
  const opening = await speakTurn({ llm, request: { kind: "opening", style: settings.style, total: plan.length, topics: settings.topics, template: phraseOpening({ style: settings.style, questionCount: plan.length, topics: settings.topics, seed: now.getTime() }) } });
  const asked = await speakTurn({
    // An LLM that just failed the opening (after its retries) is not waited for a second time.
    llm: opening.failed ? null : llm,
    request: { kind: "question", style: settings.style, question: first.question, index: 0, total: plan.length, previousScore: null, template: phraseQuestion({ style: settings.style, question: first.question, index: 0, total: plan.length, previousScore: null, seed: now.getTime() }) },
  });
  const state: TurnState = { ...INITIAL_TURN_STATE, lastAsked: asked.text };

  return runInTransaction({
    db,
    work: async (tx) => {
      const session = await createInterviewSession({ db: tx, ownerId, settings: { ...settings, questionCount: plan.length }, mode: llm ? "llm" : "offline", plan });
      await appendInterviewMessages({
        db: tx,
        sessionId: session.id,
        messages: [
          { role: "interviewer", kind: "opening", text: opening.text, questionId: null, data: {} },
          ...(opening.notice ? [{ role: "interviewer" as const, kind: "notice", text: opening.notice, questionId: null, data: {} }] : []),
          ...(asked.notice ? [{ role: "interviewer" as const, kind: "notice", text: asked.notice, questionId: null, data: {} }] : []),
          { role: "interviewer", kind: "question", text: asked.text, questionId: first.questionId, data: {} },
        ],
        sessionPatch: { position: 0, state: { ...state } },
      });
      return { id: session.id };
    },
  });
}
