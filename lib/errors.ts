/**
 * Typed errors with a response shape that is safe to show a user: the message is written for
 * people, the original cause is kept for logs and never sent over the wire.
 */

export type ErrorCode =
  | "bad_request"
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
  return new AppError("internal", "Something went wrong on our side.", { cause: error });
}
