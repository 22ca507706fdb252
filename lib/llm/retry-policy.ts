/**
 * How long to wait between tries: the server's `retry-after` when it sends one (capped, so a
 * server cannot park a request for minutes), else exponential backoff with jitter, so many
 * clients failing together do not retry in lockstep.
 */

export interface RetryDelays {
  /** Backoff before the second try; doubles per failure. */
  baseMs: number;
  /** Largest backoff. */
  maxMs: number;
  /** Largest wait a `retry-after` header can ask for. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_DELAYS: RetryDelays = { baseMs: 500, maxMs: 8_000, maxRetryAfterMs: 20_000 };

/**
 * The wait a response asks for: `retry-after-ms` (OpenAI's, precise), else `retry-after` in
 * seconds or as an HTTP date. Undefined when there is none or it does not parse.
 */
export function parseRetryAfter(headers: Headers | undefined, now = Date.now()): number | undefined {
  const millis = headers?.get("retry-after-ms");
  if (millis != null && millis.trim() !== "") {
    const value = Number(millis);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const header = headers?.get("retry-after");
  if (header == null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before the next try after `failures` failed tries (1 after the first). Pass
 * `retryAfterMs` when the server asked for a wait; `random` is injectable for tests.
 */
export function backoffMs(
  failures: number,
  retryAfterMs: number | undefined,
  delays: RetryDelays = DEFAULT_RETRY_DELAYS,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, delays.maxRetryAfterMs);
  const ceiling = Math.min(delays.maxMs, delays.baseMs * 2 ** Math.max(0, failures - 1));
  // "Equal jitter": at least half the ceiling, so retries still back off, the rest random.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Waits `ms`; rejects with the signal's reason as soon as the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A signal that fires after `ms` or when `parent` fires, whichever comes first; `timedOut()` tells
 * which. `restart(ms?)` starts the timer again (idle timeouts), `stop()` pauses it.
 */
export function timeoutSignal(ms: number, parent?: AbortSignal) {
  const controller = new AbortController();
  let fired = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = (limit = ms) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fired = true;
      controller.abort(new Error(`timed out after ${limit} ms`));
    }, limit);
  };
  start();
  const signal = parent ? AbortSignal.any([parent, controller.signal]) : controller.signal;
  return {
    signal,
    /** Aborts now (e.g. the consumer stopped reading). */
    abort: () => controller.abort(new Error("stopped")),
    timedOut: () => fired,
    restart: start,
    stop: () => clearTimeout(timer),
  };
}
