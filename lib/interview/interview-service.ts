import "server-only";
import { getDatabase, type Database } from "@/lib/db/client";
import { listAnswersOfSessions, listAnswersSince, listSessionAnswers } from "@/lib/db/queries/interview-answers";
import { listInterviewMessages } from "@/lib/db/queries/interview-messages";
import { getInterviewSession, listInterviewSessions, updateInterviewSession, type InterviewSessionRow } from "@/lib/db/queries/interview-sessions";
import { getCorpusCounts } from "@/lib/db/queries/corpus";
import { countDueReviewCards, getReviewCards } from "@/lib/db/queries/review-cards";
import { retryTransient } from "@/lib/db/retry-transient";
import { getEmbedder } from "@/lib/embeddings";
import { AppError } from "@/lib/errors";
import { getLlmSettings } from "@/lib/llm";
import { toInterviewView } from "./message-view";
import { getQuestionBank } from "./question-bank";
import { buildHistory, buildSessionSummary, buildTopicProgress } from "./session-summary";
import { findPendingAnswer, resumePendingAnswer } from "./resume-pending-answer";
import { inTurn, turnInFlight } from "./take-turn";
import type { HistoryEntry, InterviewMode, InterviewView, SessionSummary, TopicProgress } from "./types";

export { startInterview } from "./start-interview";
export { checkMessageText, takeTurn, NOT_STORED_MESSAGE, STORED_NOT_REPLIED_MESSAGE, type TurnInput } from "./take-turn";

/**
 * True when this owner has an interview with this id: the cheap check a route makes before a turn
 * (the turn itself loads, checks and resumes what it needs).
 */
export async function interviewExists({ id, ownerId }: { id: string; ownerId: string }): Promise<boolean> {
  const { db } = await retryTransient(getDatabase);
  return (await retryTransient(() => getInterviewSession({ db, id, ownerId }))) !== null;
}

/** The interview as the page shows it, or null when there is no such interview of this owner's. */
export async function getInterviewView({ id, ownerId }: { id: string; ownerId: string }): Promise<InterviewView | null> {
  const { db } = await retryTransient(getDatabase);
  // Someone else's interview is not found, and nothing of it is resumed on their behalf.
  let session = await retryTransient(() => getInterviewSession({ db, id, ownerId }));
  if (!session) return null;
  // A resumed turn moved the interview on: read it again.
  if (await resumeCutOffTurn(db, id)) session = await retryTransient(() => getInterviewSession({ db, id, ownerId }));
  if (!session) return null;
  const row = session;
  return retryTransient(async () => toInterviewView(row, await listInterviewMessages({ db, sessionId: row.id })));
}

/**
 * An answer left ungraded by a turn that died (no turn of this interview is under way in this
 * process, yet its last message is an answer without a reply) is graded now, in the interview's
 * turn, so the page shows its feedback. A failure here is logged: the page still loads, and the
 * next turn tries again. True when it gave a reply.
 */
async function resumeCutOffTurn(db: Database, id: string): Promise<boolean> {
  if (turnInFlight(id)) return false;
  try {
    if (!(await retryTransient(() => findPendingAnswer({ db, sessionId: id })))) return false;
    return (await inTurn(id, () => resumePendingAnswer({ db, sessionId: id }))) !== null;
  } catch (error) {
    console.error("resuming a turn that was cut off failed", error);
    return false;
  }
}

/**
 * Ends the interview (once; ending it again changes nothing) and returns its summary: the score
 * per question, the average, the weakest topics and what to review, with a Markdown export.
 */
export async function endInterview({ id, ownerId }: { id: string; ownerId: string }): Promise<SessionSummary> {
  // A turn under way (an answer being graded) finishes first, so the summary counts its grade.
  return inTurn(id, async () => {
    const { db } = await getDatabase();
    if (!(await getInterviewSession({ db, id, ownerId }))) throw new AppError("not_found", "This interview does not exist.");
    // An answer a cut-off turn left ungraded counts in the summary.
    await resumePendingAnswer({ db, sessionId: id });
    const session = await getInterviewSession({ db, id, ownerId });
    if (!session) throw new AppError("not_found", "This interview does not exist.");
    const ended = session.status === "ended" ? session : await updateInterviewSession({ db, id, patch: { status: "ended", endedAt: new Date() } });
    return summarize(ended!);
  });
}

/** The summary of an interview (ended or not), or null when there is no such interview. */
export async function getSessionSummaryView({ id, ownerId }: { id: string; ownerId: string }): Promise<SessionSummary | null> {
  const { db } = await getDatabase();
  const session = await getInterviewSession({ db, id, ownerId });
  return session ? summarize(session) : null;
}

async function summarize(session: InterviewSessionRow): Promise<SessionSummary> {
  const { db } = await getDatabase();
  const [answers, messages, cards] = await Promise.all([
    listSessionAnswers({ db, sessionId: session.id }),
    listInterviewMessages({ db, sessionId: session.id }),
    getReviewCards({ db, ownerId: session.ownerId, questionIds: session.plan.map((item) => item.questionId) }),
  ]);
  const asked = messages.filter((row) => row.kind === "question" && row.questionId).map((row) => row.questionId!);
  return buildSessionSummary({ session, answers, cards, now: new Date(), askedQuestionIds: asked });
}

/** One person's past interviews, newest first, and their scores over time by topic. */
export async function getHistory({ ownerId }: { ownerId: string }): Promise<{ entries: HistoryEntry[]; progress: TopicProgress[] }> {
  const { db } = await getDatabase();
  const sessions = await listInterviewSessions({ db, ownerId, limit: 200 });
  const answers = await listAnswersOfSessions({ db, sessionIds: sessions.map((session) => session.id) });
  const progress = await listAnswersSince({ db, ownerId });
  return { entries: buildHistory(sessions, answers), progress: buildTopicProgress(progress) };
}

export interface InterviewHome {
  documents: number;
  questions: number;
  topics: { topic: string; questions: number }[];
  /** Questions due for review now. */
  due: number;
  mode: InterviewMode;
  /** The LLM's model name, when one is configured. */
  model: string | null;
  semantic: boolean;
}

/** What the home page shows a person: what they can study, what is due, and which mode the interviewer runs in. */
export async function getInterviewHome({ ownerId }: { ownerId: string }): Promise<InterviewHome> {
  const { db } = await getDatabase();
  const [counts, bank, due, loaded] = await Promise.all([getCorpusCounts({ db, visibleTo: ownerId }), getQuestionBank({ visibleTo: ownerId }), countDueReviewCards({ db, ownerId, now: new Date() }), getEmbedder()]);
  const llm = getLlmSettings();
  return {
    documents: counts.documents,
    questions: counts.questions,
    topics: bank.map((group) => ({ topic: group.topic, questions: group.questions.filter((item) => item.answer).length })).filter((group) => group.questions > 0),
    due,
    mode: llm ? "llm" : "offline",
    model: llm?.model ?? null,
    semantic: loaded.status.tier === "semantic",
  };
}
