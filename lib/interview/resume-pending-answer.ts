import "server-only";
import type { Database } from "@/lib/db/client";
import { getLastInterviewMessage, type InterviewMessageRow } from "@/lib/db/queries/interview-messages";
import { getInterviewSession } from "@/lib/db/queries/interview-sessions";
import { replyToMessage } from "./turn-replies";
import { readTurnState } from "./turn-state";

/**
 * The answer a cut-off turn left behind: the interview's last message is an answer that was
 * stored (answers are stored before grading) but never replied to, because the process died or
 * the request was cancelled while it was graded. Null when there is none.
 */
export async function findPendingAnswer({ db, sessionId }: { db: Database; sessionId: string }): Promise<InterviewMessageRow | null> {
  const last = await getLastInterviewMessage({ db, sessionId });
  return last && last.role === "candidate" && last.kind === "answer" ? last : null;
}

/**
 * Grades the pending answer and gives the reply it should have had (feedback, then a follow-up or
 * the next question), as the cut-off turn would have. The interview's state has not moved since
 * the answer was stored (only a reply moves it), so the reply is the same one. Run it inside the
 * interview's turn (`inTurn`); the reply is written only if nothing was written after the answer
 * meanwhile, so the answer is graded once. Returns the replies, or null when nothing was pending.
 */
export async function resumePendingAnswer({ db, sessionId }: { db: Database; sessionId: string }): Promise<InterviewMessageRow[] | null> {
  const message = await findPendingAnswer({ db, sessionId });
  if (!message) return null;
  const session = await getInterviewSession({ db, id: sessionId });
  // Ending an interview resumes first, so an ended one has nothing pending from now on.
  if (!session || session.status === "ended") return null;
  return replyToMessage({ db, session, state: readTurnState(session.state), intent: "answer", message });
}
