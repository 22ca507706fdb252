/**
 * An in-process sliding-window limiter: at most `limit` requests per key in any window of
 * `windowMs`. It keeps the time of each request accepted within the window (a log, not a
 * counter), so a burst at the end of one minute and another at the start of the next cannot
 * double the rate, and it can say exactly when the next request will be accepted. State lives in
 * this process only: several app servers behind a load balancer each count on their own.
 */

export interface RateDecision {
  allowed: boolean;
  /** Requests still allowed in the current window after this one (0 when refused). */
  remaining: number;
  /** When refused: milliseconds until the oldest request in the window leaves it. */
  retryAfterMs: number;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** The clock, in milliseconds; tests pass their own. */
  now?: () => number;
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly now: () => number;
  private calls = 0;

  constructor(private readonly options: RateLimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError("limit must be a whole number from 1");
    if (!(options.windowMs > 0)) throw new RangeError("windowMs must be above 0");
    this.now = options.now ?? Date.now;
  }

  /** Counts one request for `key` if the window has room; a refused request is not counted. */
  take(key: string): RateDecision {
    const now = this.now();
    if (++this.calls % 1000 === 0) this.sweep(now);
    const recent = this.recent(key, now);
    if (recent.length >= this.options.limit) {
      return { allowed: false, remaining: 0, retryAfterMs: Math.max(1, recent[0]! + this.options.windowMs - now) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true, remaining: this.options.limit - recent.length, retryAfterMs: 0 };
  }

  /** How many keys hold requests still inside the window (for tests and diagnostics). */
  get size(): number {
    this.sweep(this.now());
    return this.hits.size;
  }

  private recent(key: string, now: number): number[] {
    const times = this.hits.get(key) ?? [];
    const start = now - this.options.windowMs;
    let first = 0;
    while (first < times.length && times[first]! <= start) first++;
    return first === 0 ? times : times.slice(first);
  }

  /** Forgets keys whose every request has left the window, so memory follows active people only. */
  private sweep(now: number): void {
    for (const key of [...this.hits.keys()]) {
      const recent = this.recent(key, now);
      if (recent.length === 0) this.hits.delete(key);
      else this.hits.set(key, recent);
    }
  }
}
