import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { SlidingWindowLimiter } from "./rate-limiter";

const WINDOW_MS = 60_000;

// One limiter per process: route handlers are bundled separately and would each get their own
// module copy, so the state is kept on globalThis (also surviving reloads in development).
const cache = globalThis as unknown as { __coachMessageLimiter?: { limit: number; limiter: SlidingWindowLimiter } };

/**
 * Counts one request that may call the LLM (an interview message, starting an interview) against
 * the person's budget of RATE_LIMIT_MESSAGES_PER_MINUTE, shared by both routes. The budget is the
 * signed-in person's own; on a loopback server, where nobody signs in, the local owner's.
 * @throws AppError("rate_limited") with Retry-After in whole seconds when the budget is spent.
 */
export function checkMessageRate({ personId }: { personId: string }): void {
  const limit = getEnv().RATE_LIMIT_MESSAGES_PER_MINUTE;
  if (limit === 0) return;
  if (cache.__coachMessageLimiter?.limit !== limit) {
    cache.__coachMessageLimiter = { limit, limiter: new SlidingWindowLimiter({ limit, windowMs: WINDOW_MS }) };
  }
  const decision = cache.__coachMessageLimiter.limiter.take(personId);
  if (decision.allowed) return;
  const seconds = Math.ceil(decision.retryAfterMs / 1000);
  throw new AppError("rate_limited", rateLimitMessage(limit, seconds), { retryAfterSeconds: seconds });
}

/** The refusal as a person reads it: the limit, and when to try again. */
export function rateLimitMessage(limit: number, seconds: number): string {
  const when = seconds <= 1 ? "in a second" : `in ${seconds} seconds`;
  return `Too many messages: the limit is ${limit} a minute (RATE_LIMIT_MESSAGES_PER_MINUTE). Try again ${when}.`;
}
