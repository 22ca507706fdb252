import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { describe, expect, it } from "vitest";
import { llmSettingsFrom } from "@/lib/llm/client";
import { LlmError, toLlmError } from "@/lib/llm/llm-error";
import { backoffMs, DEFAULT_RETRY_DELAYS, parseRetryAfter, sleep } from "@/lib/llm/retry-policy";

const context = { attempts: 2, timedOut: false, aborted: false };

function apiError(status: number, headers: Record<string, string> = {}, error: object = { message: "boom" }): APIError {
  return APIError.generate(status, { error }, undefined, new Headers(headers));
}

describe("parseRetryAfter", () => {
  it("prefers retry-after-ms, then seconds, then an HTTP date", () => {
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(parseRetryAfter(new Headers({ "retry-after": "2" }))).toBe(2000);
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter(new Headers({ "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe("backoffMs", () => {
  it("doubles up to a ceiling, with at least half of it kept", () => {
    expect(backoffMs(1, undefined, DEFAULT_RETRY_DELAYS, () => 0)).toBe(250);
    expect(backoffMs(1, undefined, DEFAULT_RETRY_DELAYS, () => 1)).toBe(500);
    expect(backoffMs(3, undefined, DEFAULT_RETRY_DELAYS, () => 1)).toBe(2000);
    expect(backoffMs(20, undefined, DEFAULT_RETRY_DELAYS, () => 1)).toBe(DEFAULT_RETRY_DELAYS.maxMs);
  });

  it("honours retry-after up to its cap", () => {
    expect(backoffMs(1, 1200)).toBe(1200);
    expect(backoffMs(1, 3_600_000)).toBe(DEFAULT_RETRY_DELAYS.maxRetryAfterMs);
  });
});

describe("sleep", () => {
  it("rejects with the signal's reason when aborted", async () => {
    const controller = new AbortController();
    const slept = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(slept).rejects.toThrow("stop");
  });
});

describe("toLlmError", () => {
  it("sorts HTTP statuses into kinds and says which are worth retrying", () => {
    const cases: [number, string, boolean][] = [
      [400, "bad_request", false],
      [401, "auth", false],
      [403, "auth", false],
      [404, "bad_request", false],
      [408, "timeout", true],
      [429, "rate_limited", true],
      [500, "unavailable", true],
      [503, "unavailable", true],
    ];
    for (const [status, kind, retryable] of cases) {
      const error = toLlmError(apiError(status), context);
      expect({ status, kind: error.kind, retryable: error.retryable, attempts: error.attempts }).toEqual({ status, kind, retryable, attempts: 2 });
      expect(error.upstreamStatus).toBe(status);
    }
  });

  it("does not retry a spent quota, and reads retry-after", () => {
    expect(toLlmError(apiError(429, {}, { message: "quota", code: "insufficient_quota" }), context).retryable).toBe(false);
    expect(toLlmError(apiError(429, { "retry-after": "3" }), context).retryAfterMs).toBe(3000);
    expect(toLlmError(apiError(500, { "x-should-retry": "false" }), context).retryable).toBe(false);
  });

  it("tells timeouts, cancellations, connection failures and broken bodies apart", () => {
    expect(toLlmError(new APIConnectionTimeoutError(), context).kind).toBe("timeout");
    expect(toLlmError(new Error("aborted"), { ...context, timedOut: true }).kind).toBe("timeout");
    expect(toLlmError(new Error("aborted"), { ...context, aborted: true }).kind).toBe("aborted");
    expect(toLlmError(new APIConnectionError({ message: "refused" }), context).kind).toBe("unavailable");
    expect(toLlmError(new SyntaxError("Unexpected end of JSON input"), context)).toMatchObject({ kind: "invalid_output", retryable: true });
    expect(toLlmError(new TypeError("terminated"), context)).toMatchObject({ kind: "unavailable", retryable: true });
  });

  it("keeps server text out of the message shown to people", () => {
    const error = toLlmError(apiError(401, {}, { message: "Incorrect API key provided: sk-abc***xyz" }), context);
    expect(error).toBeInstanceOf(LlmError);
    expect(error.message).not.toContain("sk-");
    expect(error.detail).toContain("Incorrect API key");
    expect(error.toJSON()).toEqual({ error: { code: "config", message: error.message } });
  });
});

describe("llmSettingsFrom", () => {
  const base = { OPENAI_MODEL: "m", OPENAI_TIMEOUT_MS: 30_000, OPENAI_MAX_ATTEMPTS: 3, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined };

  it("is null without an API key and without a base URL", () => {
    expect(llmSettingsFrom(base)).toBeNull();
  });

  it("accepts a key alone (OpenAI) or a base URL alone (a local server)", () => {
    expect(llmSettingsFrom({ ...base, OPENAI_API_KEY: "sk-x" })).toEqual({ apiKey: "sk-x", model: "m", timeoutMs: 30_000, maxAttempts: 3 });
    expect(llmSettingsFrom({ ...base, OPENAI_BASE_URL: "http://localhost:11434/v1" })).toEqual({
      baseURL: "http://localhost:11434/v1",
      model: "m",
      timeoutMs: 30_000,
      maxAttempts: 3,
    });
  });
});
