import "server-only";
import { getDatabase } from "@/lib/db/client";
import { listAnswersOfSessions, listAnswersSince, listSessionAnswers } from "@/lib/db/queries/interview-answers";
import { listInterviewMessages } from "@/lib/db/queries/interview-messages";
import { getInterviewSession, listInterviewSessions, updateInterviewSession, type InterviewSessionRow } from "@/lib/db/queries/interview-sessions";
import { getCorpusCounts } from "@/lib/db/queries/corpus";
import { countDueReviewCards, getReviewCards } from "@/lib/db/queries/review-cards";
import { getEmbedder } from "@/lib/embeddings";
import { AppError } from "@/lib/errors";
import { getLlmSettings } from "@/lib/llm";
import { toInterviewView } from "./message-view";
import { getQuestionBank } from "./question-bank";
import { buildHistory, buildSessionSummary, buildTopicProgress } from "./session-summary";
import { inTurn } from "./take-turn";
import type { HistoryEntry, InterviewMode, InterviewView, SessionSummary, TopicProgress } from "./types";

export { startInterview } from "./start-interview";
export { checkMessageText, takeTurn, type TurnInput } from "./take-turn";

/** The interview as the page shows it, or null when there is no such interview. */
export async function getInterviewView({ id }: { id: string }): Promise<InterviewView | null> {
  const { db } = await getDatabase();
  const session = await getInterviewSession({ db, id });
  if (!session) return null;
  return toInterviewView(session, await listInterviewMessages({ db, sessionId: session.id }));
}

/**
 * Ends the interview (once; ending it again changes nothing) and returns its summary: the score
 * per question, the average, the weakest topics and what to review, with a Markdown export.
 */
export async function endInterview({ id }: { id: string }): Promise<SessionSummary> {
  // A turn under way (an answer being graded) finishes first, so the summary counts its grade.
  return inTurn(id, async () => {
    const { db } = await getDatabase();
    const session = await getInterviewSession({ db, id });
    if (!session) throw new AppError("not_found", "This interview does not exist.");
    const ended = session.status === "ended" ? session : await updateInterviewSession({ db, id, patch: { status: "ended", endedAt: new Date() } });
    return summarize(ended!);
  });
}

/** The summary of an interview (ended or not), or null when there is no such interview. */
export async function getSessionSummaryView({ id }: { id: string }): Promise<SessionSummary | null> {
  const { db } = await getDatabase();
  const session = await getInterviewSession({ db, id });
  return session ? summarize(session) : null;
}

async function summarize(session: InterviewSessionRow): Promise<SessionSummary> {
  const { db } = await getDatabase();
  const [answers, messages, cards] = await Promise.all([
    listSessionAnswers({ db, sessionId: session.id }),
    listInterviewMessages({ db, sessionId: session.id }),
    getReviewCards({ db, questionIds: session.plan.map((item) => item.questionId) }),
  ]);
  const asked = messages.filter((row) => row.kind === "question" && row.questionId).map((row) => row.questionId!);
  return buildSessionSummary({ session, answers, cards, now: new Date(), askedQuestionIds: asked });
}

/** Past interviews, newest first, and scores over time by topic. */
export async function getHistory(): Promise<{ entries: HistoryEntry[]; progress: TopicProgress[] }> {
  const { db } = await getDatabase();
  const sessions = await listInterviewSessions({ db, limit: 200 });
  const answers = await listAnswersOfSessions({ db, sessionIds: sessions.map((session) => session.id) });
  const progress = await listAnswersSince({ db });
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

/** What the home page shows: what is loaded, what is due, and which mode the interviewer runs in. */
export async function getInterviewHome(): Promise<InterviewHome> {
  const { db } = await getDatabase();
  const [counts, bank, due, loaded] = await Promise.all([getCorpusCounts({ db }), getQuestionBank(), countDueReviewCards({ db, now: new Date() }), getEmbedder()]);
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
