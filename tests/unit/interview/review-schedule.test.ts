import { Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { deserializeCard, scheduleReview, scoreToRating, serializeCard, type SerializedCard } from "@/lib/interview/review-schedule";

const now = new Date("2026-03-02T09:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

describe("scoreToRating", () => {
  it("maps the grade's bands to Again, Hard, Good and Easy at 2, 3 and 4.5", () => {
    expect([0, 1.5, 1.99].map(scoreToRating)).toEqual([Rating.Again, Rating.Again, Rating.Again]);
    expect([2, 2.5].map(scoreToRating)).toEqual([Rating.Hard, Rating.Hard]);
    expect([3, 4].map(scoreToRating)).toEqual([Rating.Good, Rating.Good]);
    expect([4.5, 5].map(scoreToRating)).toEqual([Rating.Easy, Rating.Easy]);
  });

  it("rejects a score outside 0 to 5 with a clear error", () => {
    for (const score of [-0.5, 5.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => scoreToRating(score)).toThrow(AppError);
    }
    expect(() => scoreToRating(7)).toThrow(/0 to 5, not 7/);
  });
});

describe("scheduleReview", () => {
  it("starts a new card and schedules it in days, never minutes", () => {
    const { card, due, rating } = scheduleReview({ card: null, score: 3.5, now });
    expect(rating).toBe(Rating.Good);
    expect(card.reps).toBe(1);
    expect(card.state).toBe(State.Review);
    expect(card.last_review).toBe(now.toISOString());
    expect(card.due).toBe(due.toISOString());
    expect(due.getTime() - now.getTime()).toBeGreaterThanOrEqual(DAY);
  });

  it("brings a bad answer back sooner than a good one, and a good one sooner than a perfect one", () => {
    const after = (score: number) => scheduleReview({ card: null, score, now }).due.getTime();
    expect(after(0)).toBeLessThan(after(2));
    expect(after(2)).toBeLessThan(after(3));
    expect(after(3)).toBeLessThan(after(5));

    const known = scheduleReview({ card: null, score: 4, now });
    const later = new Date(known.due);
    expect(scheduleReview({ card: known.card, score: 0.5, now: later }).due.getTime()).toBeLessThan(
      scheduleReview({ card: known.card, score: 4, now: later }).due.getTime(),
    );
  });

  it("moves the due date further out with each good review", () => {
    let card: SerializedCard | null = null;
    let at = now;
    const intervals: number[] = [];
    for (let review = 0; review < 4; review++) {
      const next = scheduleReview({ card, score: 4, now: at });
      intervals.push(next.due.getTime() - at.getTime());
      card = next.card;
      at = next.due;
    }
    for (let index = 1; index < intervals.length; index++) expect(intervals[index]).toBeGreaterThan(intervals[index - 1]!);
    expect(card!.reps).toBe(4);
  });

  it("counts a lapse when a known question is answered badly", () => {
    const known = scheduleReview({ card: null, score: 4, now });
    const lapsed = scheduleReview({ card: known.card, score: 1, now: new Date(known.due) });
    expect(lapsed.card.lapses).toBe(1);
    expect(lapsed.rating).toBe(Rating.Again);
  });

  it("is deterministic: the same history gives the same date", () => {
    expect(scheduleReview({ card: null, score: 3, now }).due).toEqual(scheduleReview({ card: null, score: 3, now }).due);
  });

  it("stores the card as JSON and reads it back unchanged", () => {
    const { card } = scheduleReview({ card: null, score: 2.5, now });
    const roundTrip = JSON.parse(JSON.stringify(card)) as SerializedCard;
    expect(serializeCard(deserializeCard(roundTrip))).toEqual(card);
    expect(deserializeCard(roundTrip).due).toBeInstanceOf(Date);
  });

  it("refuses an invalid date", () => {
    expect(() => scheduleReview({ card: null, score: 3, now: new Date("nope") })).toThrow(AppError);
  });
});
