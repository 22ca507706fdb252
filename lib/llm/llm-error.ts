import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { AppError, type ErrorCode } from "@/lib/errors";
import { parseRetryAfter } from "./retry-policy";

/**
 * Why an LLM call failed, in terms a caller can act on:
 * - `unavailable`: the server could not be reached, failed (5xx) or broke off; retried.
 * - `rate_limited`: 429; retried after `retry-after` unless the quota is spent.
 * - `timeout`: no answer (or no next stream chunk) in time; retried.
 * - `invalid_output`: the server answered, but not with usable content (no JSON, wrong shape,
 *   garbage); retried with the problem explained to the model.
 * - `refused`: the model declined or its content filter stopped it; not retried.
 * - `bad_request`: 400/404/422: our request or the model name is wrong; not retried.
 * - `auth`: 401/403: the API key is wrong or lacks access; not retried.
 * - `aborted`: the caller's signal fired; never retried.
 */
export type LlmErrorKind =
  | "unavailable"
  | "rate_limited"
  | "timeout"
  | "invalid_output"
  | "refused"
  | "bad_request"
  | "auth"
  | "aborted";

const CODE_BY_KIND: Record<LlmErrorKind, ErrorCode> = {
  unavailable: "unavailable",
  rate_limited: "unavailable",
  timeout: "unavailable",
  invalid_output: "unavailable",
  refused: "unavailable",
  // Our request was wrong, not the user's: an internal error.
  bad_request: "internal",
  auth: "config",
  aborted: "unavailable",
};

// Messages are shown to people, so they never quote the server: its text may echo part of a key.
const MESSAGE_BY_KIND: Record<LlmErrorKind, string> = {
  unavailable: "The language model could not be reached.",
  rate_limited: "The language model is rate-limited right now.",
  timeout: "The language model did not answer in time.",
  invalid_output: "The language model's reply could not be used.",
  refused: "The language model declined to answer.",
  bad_request: "The language model rejected the request (check OPENAI_MODEL).",
  auth: "The language model rejected the API key (check OPENAI_API_KEY).",
  aborted: "The request to the language model was cancelled.",
};

export interface LlmErrorOptions {
  /** Requests sent so far, this one included. */
  attempts?: number;
  /** The LLM server's HTTP status, when there was a response. */
  upstreamStatus?: number;
  /** Whether trying again may help; defaults by kind. */
  retryable?: boolean;
  /** How long the server asked us to wait before trying again. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** A failed LLM call. `message` is safe to show; `detail` (and `cause`) are for logs. */
export class LlmError extends AppError {
  readonly kind: LlmErrorKind;
  readonly detail: string;
  readonly attempts: number;
  /** The LLM server's HTTP status (`status` is the one this app answers with). */
  readonly upstreamStatus: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(kind: LlmErrorKind, detail: string, options: LlmErrorOptions = {}) {
    super(CODE_BY_KIND[kind], MESSAGE_BY_KIND[kind], { cause: options.cause });
    this.name = "LlmError";
    this.kind = kind;
    this.detail = detail;
    this.attempts = options.attempts ?? 1;
    this.upstreamStatus = options.upstreamStatus;
    this.retryable = options.retryable ?? ["unavailable", "rate_limited", "timeout", "invalid_output"].includes(kind);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** One finished try, reported to `onAttempt` so retries can be logged and counted. */
export interface LlmAttempt {
  /** 1-based number of the request. */
  attempt: number;
  ok: boolean;
  durationMs: number;
  /** Whether this request asked for JSON mode (`response_format: json_object`). */
  jsonMode: boolean;
  error?: LlmError;
  /** Set when another try follows: the wait before it. */
  retryInMs?: number;
}

/** What the caller knows about how a try ended, beyond the error itself. */
export interface FailureContext {
  attempts: number;
  /** Our own per-try or idle timer fired. */
  timedOut: boolean;
  /** The caller's signal fired. */
  aborted: boolean;
}

/** Turns anything a request to an OpenAI-compatible server throws into an LlmError. */
export function toLlmError(error: unknown, context: FailureContext): LlmError {
  const { attempts } = context;
  if (error instanceof LlmError) return error;
  if (context.aborted) return new LlmError("aborted", "cancelled by the caller", { attempts, cause: error });
  if (context.timedOut || error instanceof APIConnectionTimeoutError) {
    return new LlmError("timeout", "no answer within the time limit", { attempts, cause: error });
  }
  // Aborted, but neither by our timer nor by the caller: the client gave up on its own.
  if (error instanceof APIUserAbortError) return new LlmError("unavailable", "the request was aborted", { attempts, cause: error });
  if (error instanceof APIConnectionError) {
    return new LlmError("unavailable", `connection failed: ${describe(error.cause ?? error)}`, { attempts, cause: error });
  }
  if (error instanceof APIError) return fromStatus(error, attempts);
  // The body was not the JSON its content-type promised (truncated, or not JSON at all).
  if (error instanceof SyntaxError) {
    return new LlmError("invalid_output", `the server sent malformed JSON: ${error.message}`, { attempts, cause: error });
  }
  // undici's "terminated": the connection closed while the body was being read.
  if (error instanceof TypeError) {
    return new LlmError("unavailable", `the connection broke off: ${describe(error)}`, { attempts, cause: error });
  }
  return new LlmError("unavailable", describe(error), { attempts, retryable: false, cause: error });
}

function fromStatus(error: APIError, attempts: number): LlmError {
  const { status } = error;
  const detail = error.message;
  // A server may say outright whether a retry can help (OpenAI's `x-should-retry`).
  const shouldRetry = error.headers?.get("x-should-retry");
  const override = shouldRetry === "true" ? true : shouldRetry === "false" ? false : undefined;
  const base = { attempts, upstreamStatus: status, cause: error, retryAfterMs: parseRetryAfter(error.headers) };
  // No status: an `error` event in the middle of a stream.
  if (status === undefined) return new LlmError("unavailable", `the server reported an error: ${detail}`, base);
  if (status === 401 || status === 403) return new LlmError("auth", detail, { ...base, retryable: override ?? false });
  if (status === 429) {
    // A spent quota does not come back in seconds: waiting would only delay the fallback.
    const quotaSpent = error.code === "insufficient_quota";
    return new LlmError("rate_limited", detail, { ...base, retryable: override ?? !quotaSpent });
  }
  if (status === 408) return new LlmError("timeout", detail, { ...base, retryable: override ?? true });
  if (status === 409 || status >= 500) return new LlmError("unavailable", detail, { ...base, retryable: override ?? true });
  return new LlmError("bad_request", detail, { ...base, retryable: override ?? false });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
