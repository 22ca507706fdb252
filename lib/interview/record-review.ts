import "server-only";
import type { Database } from "@/lib/db/client";
import { isUuid, runInTransaction } from "@/lib/db/queries/interview-sessions";
import { getReviewCards, upsertReviewCard, type ReviewCardRow } from "@/lib/db/queries/review-cards";
import { AppError } from "@/lib/errors";
import { scheduleReview } from "./review-schedule";

/**
 * Records that a question was answered with `score` at `now`: reads its review card, schedules
 * the next review with FSRS and stores the card, in one transaction with the card row locked so
 * two grades of one question cannot overwrite each other's history.
 */
export async function recordReview({
  db,
  ownerId,
  questionId,
  question,
  topic,
  score,
  now,
}: {
  db: Database;
  /** Whose review: the interview's owner. */
  ownerId: string;
  questionId: string;
  question: string;
  topic: string;
  score: number;
  now: Date;
}): Promise<ReviewCardRow> {
  if (!isUuid(questionId)) throw new AppError("bad_request", "A review needs the id of a question.");
  return runInTransaction({
    db,
    work: async (tx) => {
      const [stored] = await getReviewCards({ db: tx, ownerId, questionIds: [questionId], forUpdate: true });
      const next = scheduleReview({ card: stored?.card ?? null, score, now });
      return upsertReviewCard({ db: tx, ownerId, questionId, question, topic, card: next.card, due: next.due, lastScore: score, reviewedAt: now });
    },
  });
}
