/**
 * Typed errors with a response shape that is safe to show a user: the message is written for
 * people, the original cause is kept for logs and never sent over the wire.
 */

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "config"
  | "internal";

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  config: 500,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Whole seconds after which the request may succeed (sent as Retry-After), for rate_limited. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }

  /** The JSON body sent to clients: code and message only, never the cause or a stack. */
  toJSON(): { error: { code: ErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }

  /** A `Response` for route handlers (with Retry-After when the error says when to come back). */
  toResponse(): Response {
    const headers = this.retryAfterSeconds === undefined ? undefined : { "retry-after": String(this.retryAfterSeconds) };
    return Response.json(this.toJSON(), { status: this.status, headers });
  }
}

/** A configuration value is missing or malformed; the message names the variable. */
export class ConfigError extends AppError {
  constructor(message: string) {
    super("config", message);
    this.name = "ConfigError";
  }
}

/**
 * Wraps anything thrown into an AppError so callers can always answer with `toResponse()`;
 * unknown errors become a generic internal error whose cause is kept for the log.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isTransientConnectionError(error)) return new AppError("unavailable", DATABASE_UNAVAILABLE, { cause: error });
  return new AppError("internal", "Something went wrong on our side.", { cause: error });
}

/** What a person is told when the database dropped or refused the connection. */
export const DATABASE_UNAVAILABLE = "The database is not answering right now. Try again in a moment.";

// Socket failures (Node), postgres-js's own connection codes, and the SQLSTATEs of a server that
// cut or refused the connection: 57P01 is what pg_terminate_backend and a fast shutdown send.
const TRANSIENT_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "EAI_AGAIN",
  "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT",
  "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "53300",
]);

/**
 * True when `error` (or anything in its `cause` chain, or an AggregateError's parts) says the
 * database connection was lost or refused: a failure that may pass if the work is tried again,
 * unlike a constraint violation or a bug.
 */
export function isTransientConnectionError(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== "object" || error === null) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
  if (Array.isArray(errors) && errors.some((part) => isTransientConnectionError(part, depth + 1))) return true;
  return isTransientConnectionError(cause, depth + 1);
}
