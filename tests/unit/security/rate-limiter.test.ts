import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "@/lib/limits/rate-limiter";
import { rateLimitMessage } from "@/lib/limits/message-rate";

function limiterAt(limit: number, windowMs = 60_000) {
  const clock = { now: 1_000_000 };
  return { clock, limiter: new SlidingWindowLimiter({ limit, windowMs, now: () => clock.now }) };
}

describe("SlidingWindowLimiter", () => {
  it("allows the limit within a window, refuses the next and says when to come back", () => {
    const { clock, limiter } = limiterAt(3);
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    clock.now += 10_000;
    const refused = limiter.take("a");
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 50_000 });
    // A refused request is not counted: the wait does not grow with retries.
    clock.now += 1_000;
    expect(limiter.take("a").retryAfterMs).toBe(49_000);
  });

  it("slides: each request frees its place exactly one window after it was made", () => {
    const { clock, limiter } = limiterAt(2);
    limiter.take("a");
    clock.now += 30_000;
    limiter.take("a");
    clock.now += 29_999;
    expect(limiter.take("a").allowed).toBe(false);
    clock.now += 1; // 60 s after the first
    expect(limiter.take("a")).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take("a")).toMatchObject({ allowed: false, retryAfterMs: 30_000 });
  });

  it("does not let a burst at a minute's end and another at the next's start double the rate", () => {
    const { clock, limiter } = limiterAt(5);
    clock.now = 59_000;
    for (let i = 0; i < 5; i++) expect(limiter.take("a").allowed).toBe(true);
    clock.now = 61_000;
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("counts each key on its own and forgets keys whose requests have left the window", () => {
    const { clock, limiter } = limiterAt(1);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("b").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.size).toBe(2);
    clock.now += 60_000;
    expect(limiter.size).toBe(0);
    expect(limiter.take("a").allowed).toBe(true);
  });

  it("reports what remains", () => {
    const { limiter } = limiterAt(3);
    expect(limiter.take("a").remaining).toBe(2);
    expect(limiter.take("a").remaining).toBe(1);
    expect(limiter.take("a").remaining).toBe(0);
  });

  it("refuses nonsense settings", () => {
    expect(() => new SlidingWindowLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter({ limit: 1.5, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});

describe("rateLimitMessage", () => {
  it("names the limit, its variable and when to try again", () => {
    expect(rateLimitMessage(30, 12)).toBe("Too many messages: the limit is 30 a minute (RATE_LIMIT_MESSAGES_PER_MINUTE). Try again in 12 seconds.");
    expect(rateLimitMessage(3, 1)).toBe("Too many messages: the limit is 3 a minute (RATE_LIMIT_MESSAGES_PER_MINUTE). Try again in a second.");
  });
});
