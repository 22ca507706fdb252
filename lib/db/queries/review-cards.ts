import { and, asc, count, eq, inArray, lte } from "drizzle-orm";
import type { Database } from "../client";
import { reviewCards } from "../schema";
import type { SerializedCard } from "../schema/review-cards";
import { isUuid } from "./interview-sessions";

export type { SerializedCard } from "../schema/review-cards";
export type ReviewCardRow = typeof reviewCards.$inferSelect;

/**
 * One person's cards of these questions (questions never reviewed have none). With `forUpdate`, the rows
 * found stay locked until the caller's transaction ends, for a read-schedule-write.
 */
export async function getReviewCards({
  db,
  ownerId,
  questionIds,
  forUpdate = false,
}: {
  db: Database;
  ownerId: string;
  questionIds: string[];
  forUpdate?: boolean;
}): Promise<ReviewCardRow[]> {
  const ids = questionIds.filter(isUuid);
  if (ids.length === 0) return [];
  const query = db.select().from(reviewCards).where(and(eq(reviewCards.ownerId, ownerId), inArray(reviewCards.questionId, ids)));
  return forUpdate ? query.for("update") : query;
}

/** Creates or replaces a person's card of a question. */
export async function upsertReviewCard({
  db,
  ownerId,
  questionId,
  question,
  topic,
  card,
  due,
  lastScore,
  reviewedAt,
}: {
  db: Database;
  ownerId: string;
  questionId: string;
  question: string;
  topic: string;
  card: SerializedCard;
  due: Date;
  lastScore: number;
  reviewedAt: Date;
}): Promise<ReviewCardRow> {
  const values = { question, topic, card, due, lastScore, reviewedAt };
  const [row] = await db
    .insert(reviewCards)
    .values({ ownerId, questionId, ...values })
    .onConflictDoUpdate({ target: [reviewCards.ownerId, reviewCards.questionId], set: values })
    .returning();
  return row!;
}

/** One person's cards due at `now` or before, the most overdue first. */
export async function listDueReviewCards({ db, ownerId, now, limit = 100 }: { db: Database; ownerId: string; now: Date; limit?: number }): Promise<ReviewCardRow[]> {
  return db
    .select()
    .from(reviewCards)
    .where(and(eq(reviewCards.ownerId, ownerId), lte(reviewCards.due, now)))
    .orderBy(asc(reviewCards.due), asc(reviewCards.questionId))
    .limit(limit);
}

/** How many of one person's cards are due at `now`. */
export async function countDueReviewCards({ db, ownerId, now }: { db: Database; ownerId: string; now: Date }): Promise<number> {
  const [row] = await db.select({ value: count() }).from(reviewCards).where(and(eq(reviewCards.ownerId, ownerId), lte(reviewCards.due, now)));
  return row?.value ?? 0;
}
