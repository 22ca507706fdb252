import "server-only";
import type { Database } from "@/lib/db/client";
import { listSessionAnswers, saveAnswerGrade } from "@/lib/db/queries/interview-answers";
import { appendInterviewMessages, getLastInterviewMessage, listInterviewMessages, type InterviewMessageRow, type NewInterviewMessage } from "@/lib/db/queries/interview-messages";
import { lockInterviewSession, runInTransaction, type InterviewPlanItem } from "@/lib/db/queries/interview-sessions";
import { listQuestions, type QuestionWithSources } from "@/lib/db/queries/questions";
import { getEmbedder } from "@/lib/embeddings";
import type { GradeFlag } from "@/lib/grading/grade-result";
import type { Llm } from "@/lib/llm";
import { gradeAnswerTurn } from "./grade-answer-turn";
import { speakTurn } from "./interviewer-voice";
import { nextQuestionTurn } from "./next-question-turn";
import { phraseFollowUp } from "./phrasing";
import { rubricForQuestion } from "./question-rubric";
import { recordReview } from "./record-review";
import { repliesAfter } from "./store-turn-message";
import type { ReplyInput } from "./turn-replies";
import type { TurnState } from "./turn-state";

/** At most this many follow-ups on one question: probing further turns an interview into a quiz. */
const MAX_FOLLOW_UPS = 2;
/** From this score the answer needs no follow-up. */
const NO_FOLLOW_UP_FROM = 4.5;
/** Answers that are not attempts at the question: nothing to probe. */
const NOT_AN_ATTEMPT: readonly GradeFlag[] = ["no-answer", "gibberish", "copied-question", "off-topic", "other-question", "manipulation"];

/**
 * The corpus question behind a planned one: by id, or, when re-ingesting documents gave it a new
 * id, by its wording. Null when it is gone from the documents.
 */
export async function loadPlannedItem(db: Database, planned: InterviewPlanItem): Promise<QuestionWithSources | null> {
  const [byId] = await listQuestions({ db, ids: [planned.questionId] });
  if (byId) return byId;
  return (await listQuestions({ db })).find((item) => item.question === planned.question) ?? null;
}

/**
 * Grades the stored answer, then says the feedback and either probes the most important missed
 * point with a follow-up (at most two per question) or moves on. The grade, the review schedule
 * and the reply are written together; the answer itself was stored before grading began.
 */
export async function replyToAnswer({ db, session, state, message, llm, onToken, signal }: ReplyInput & { llm: Llm | null }): Promise<InterviewMessageRow[]> {
  const current = session.plan[session.position]!;
  const item = await loadPlannedItem(db, current);
  const answers = await listSessionAnswers({ db, sessionId: session.id });
  const answer = answers.find((row) => row.messageId === message.id);
  const { embedder } = await getEmbedder();
  const inFollowUp = state.awaiting === "follow-up" && state.followUp !== null;
  const grade = item
    ? await gradeAnswerTurn({ db, item, answer: message.text, followUp: inFollowUp ? state.followUp : null, llm, embedder, ...(signal ? { signal } : {}) })
    : null;

  const stillMissed = grade ? orderedMissed(item!, inFollowUp ? state.missed.filter((point) => !grade.covered.some((covered) => covered.point === point)) : grade.missed) : [];
  const attempt = grade !== null && !grade.flags.some((flag) => NOT_AN_ATTEMPT.includes(flag));
  const followUps = inFollowUp ? state.followUps : 0;
  // A point the person could not make when asked about it is not asked about again: the next probe takes the next point.
  const probed = new Set(inFollowUp ? state.followUp!.points : []);
  const probe = grade && attempt && grade.score < NO_FOLLOW_UP_FROM && followUps < MAX_FOLLOW_UPS ? stillMissed.find((point) => !probed.has(point)) : undefined;
  const previousScore = inFollowUp ? state.previousScore : (grade?.score ?? null);
  const stream = { ...(onToken ? { onToken } : {}), ...(signal ? { signal } : {}) };

  let next: { messages: NewInterviewMessage[]; patch: { position?: number; state?: Record<string, unknown> } };
  if (probe) {
    const question = grade!.followUp && !inFollowUp ? grade!.followUp : null;
    const template = phraseFollowUp({ style: session.style, missedPoint: probe, followUp: question, question: current.question, seed: `${session.id}:${message.seq}` });
    const spoken = await speakTurn({ llm, request: { kind: "follow-up", style: session.style, question: current.question, missedPoint: probe, template }, ...stream });
    const followUpState: TurnState = { ...state, awaiting: "follow-up", followUps: followUps + 1, followUp: { question: spoken.text, points: [probe] }, missed: stillMissed, hintLevel: 0, lastAsked: spoken.text, previousScore };
    next = {
      messages: [
        ...(spoken.notice ? [{ role: "interviewer" as const, kind: "notice", text: spoken.notice, questionId: null, data: {} }] : []),
        { role: "interviewer", kind: "follow-up", text: spoken.text, questionId: current.questionId, data: {} },
      ],
      patch: { state: { ...followUpState } },
    };
  } else {
    // The closing's figures must count this answer, whose grade is stored only below, with the reply.
    next = await nextQuestionTurn({ db, session, llm, previousScore, ...(grade && answer ? { justGraded: { answerId: answer.id, score: grade.score } } : {}), ...stream });
  }

  const feedback: NewInterviewMessage = {
    role: "interviewer",
    kind: "feedback",
    text: grade?.feedback ?? "This question is no longer in your documents, so the answer was kept but could not be graded.",
    questionId: current.questionId,
    data: { grade, ...(answer ? { answerId: answer.id } : {}) },
  };
  return runInTransaction({
    db,
    work: async (tx) => {
      // Written once: if anything followed the answer meanwhile (a reply from another server, or a
      // resumed turn), that reply stands and this one is dropped, so the answer is graded once.
      await lockInterviewSession({ db: tx, id: session.id });
      const last = await getLastInterviewMessage({ db: tx, sessionId: session.id });
      if (last && last.seq !== message.seq) return repliesAfter(await listInterviewMessages({ db: tx, sessionId: session.id }), message);
      if (grade && answer) await saveAnswerGrade({ db: tx, answerId: answer.id, score: grade.score, grade: { ...grade }, grader: grade.grader });
      if (grade && !inFollowUp) await recordReview({ db: tx, ownerId: session.ownerId, questionId: current.questionId, question: current.question, topic: current.topic, score: grade.score, now: new Date() });
      const rows = await appendInterviewMessages({ db: tx, sessionId: session.id, messages: [feedback, ...next.messages] });
      // The feedback's id is known only now: "why didn't that count?" looks it up.
      const patched = { ...(next.patch.state ?? {}), lastFeedbackId: rows[0]!.id };
      await appendInterviewMessages({ db: tx, sessionId: session.id, messages: [], sessionPatch: { ...next.patch, state: patched } });
      return rows;
    },
  });
}

/** Missed points most important first, as the rubric weighs them (examples after points). */
function orderedMissed(item: QuestionWithSources, missed: readonly string[]): string[] {
  const rubric = rubricForQuestion(item);
  const weight = new Map(rubric.keyPoints.map((point) => [point.text, point.kind === "point" ? point.weight : point.weight / 10]));
  return [...missed].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0));
}
