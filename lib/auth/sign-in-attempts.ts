import { SlidingWindowLimiter } from "@/lib/limits/rate-limiter";

/** Sign-in attempts allowed per name in the window: plenty for typos, far too few for guessing. */
const ATTEMPTS = 10;
const WINDOW_MS = 15 * 60_000;

// One per process, on globalThis: route handlers are bundled separately and would each get a copy.
const cache = globalThis as unknown as { __coachSignInLimiter?: SlidingWindowLimiter };

/**
 * Counts one sign-in attempt for `name` (whatever its case). Null while attempts remain; else the
 * message to show, saying when to try again. Counted per name, not per address, so guessing one
 * person's password from many machines is slowed as much as from one.
 */
export function takeSignInAttempt(name: string): string | null {
  const limiter = (cache.__coachSignInLimiter ??= new SlidingWindowLimiter({ limit: ATTEMPTS, windowMs: WINDOW_MS }));
  const decision = limiter.take(name.toLowerCase());
  if (decision.allowed) return null;
  const minutes = Math.max(1, Math.ceil(decision.retryAfterMs / 60_000));
  return `Too many sign-in attempts for this name: try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
