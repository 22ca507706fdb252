import { createEmptyCard, fsrs, Rating, TypeConvert, type Card, type Grade } from "ts-fsrs";
import type { SerializedCard } from "@/lib/db/queries/review-cards";
import { AppError } from "@/lib/errors";

export type { SerializedCard } from "@/lib/db/queries/review-cards";

/**
 * The FSRS scheduler (ts-fsrs) with settings for interview practice rather than flashcards:
 * - no short-term learning steps: FSRS's default re-asks a new card after 1 to 10 minutes, which
 *   suits a deck drilled in one sitting, not interviews held days apart; every interval is in days;
 * - intervals capped at a year: a question not practised for longer is as good as new anyway;
 * - no fuzz: the same history gives the same date, so schedules can be tested and explained.
 */
const scheduler = fsrs({ enable_short_term: false, maximum_interval: 365, enable_fuzz: false });

/**
 * Maps a grade (0 to 5, half points) to an FSRS rating, by what the score says about recall:
 * - below 2: most key points missing, the answer is not really known: Again (comes back soonest);
 * - 2 to 2.5: partly recalled with large gaps: Hard;
 * - 3 to 4: the essentials are there: Good, the normal case of a known answer;
 * - 4.5 and 5: complete, nothing important missed: Easy (longest interval).
 * Easy is kept for near-perfect answers because over-rating pushes a question out for weeks.
 */
export function scoreToRating(score: number): Grade {
  assertScore(score);
  if (score < 2) return Rating.Again;
  if (score < 3) return Rating.Hard;
  if (score < 4.5) return Rating.Good;
  return Rating.Easy;
}

export interface ScheduledReview {
  /** The card after this review, ready to store as JSON. */
  card: SerializedCard;
  /** When the question should come back. */
  due: Date;
  rating: Grade;
}

/**
 * Schedules the next review of a question after an answer scored `score` at `now`. `card` is the
 * stored card, or null for a question never reviewed (a new card is started at `now`).
 */
export function scheduleReview({ card, score, now }: { card: SerializedCard | null; score: number; now: Date }): ScheduledReview {
  if (Number.isNaN(now.getTime())) throw new AppError("bad_request", "A review needs a valid date.");
  const rating = scoreToRating(score);
  const current = card ? deserializeCard(card) : createEmptyCard(now);
  const next = scheduler.next(current, now, rating).card;
  return { card: serializeCard(next), due: next.due, rating };
}

/** A ts-fsrs card as JSON-safe data (dates as ISO strings). */
export function serializeCard(card: Card): SerializedCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.toISOString() : null,
  };
}

/** The ts-fsrs card back from its stored JSON. */
export function deserializeCard(card: SerializedCard): Card {
  return TypeConvert.card(card);
}

function assertScore(score: number): void {
  if (!Number.isFinite(score) || score < 0 || score > 5) {
    throw new AppError("bad_request", `A score goes from 0 to 5, not ${score}.`);
  }
}
