import { describe, expect, it } from "vitest";
import { retryTransient } from "@/lib/db/retry-transient";
import { AppError, isTransientConnectionError, toAppError } from "@/lib/errors";

/** Errors shaped as the drivers raise them: postgres-js, PGlite, Node's sockets, drizzle's wrapper. */
const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => new Error("Failed query: select 1", { cause });

describe("isTransientConnectionError", () => {
  it("sees a lost or refused connection anywhere in the cause chain", () => {
    expect(isTransientConnectionError(wrapped(withCode("57P01", "terminating connection due to administrator command")))).toBe(true);
    expect(isTransientConnectionError(wrapped(withCode("CONNECTION_CLOSED")))).toBe(true);
    expect(isTransientConnectionError(withCode("ECONNREFUSED"))).toBe(true);
    expect(isTransientConnectionError(new AggregateError([withCode("ECONNREFUSED")], "connect failed"))).toBe(true);
  });

  it("does not take a constraint violation, a syntax error or a bug for one", () => {
    expect(isTransientConnectionError(wrapped(withCode("23505", "duplicate key")))).toBe(false);
    expect(isTransientConnectionError(wrapped(withCode("42601", "syntax error")))).toBe(false);
    expect(isTransientConnectionError(new TypeError("x is undefined"))).toBe(false);
    expect(isTransientConnectionError("ECONNREFUSED")).toBe(false);
  });

  it("becomes a 503 that asks to try again, keeping the cause", () => {
    const cause = wrapped(withCode("ECONNRESET"));
    const error = toAppError(cause);
    expect(error).toMatchObject({ code: "unavailable", status: 503, message: "The database is not answering right now. Try again in a moment." });
    expect(error.cause).toBe(cause);
  });
});

describe("retryTransient", () => {
  it("runs the work once more after a lost connection, and not a third time", async () => {
    let calls = 0;
    expect(await retryTransient(async () => (++calls === 1 ? Promise.reject(withCode("CONNECTION_CLOSED")) : "ok"), { delayMs: 0 })).toBe("ok");
    expect(calls).toBe(2);
    calls = 0;
    await expect(retryTransient(async () => (calls++, Promise.reject(withCode("ECONNREFUSED"))), { delayMs: 0 })).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(calls).toBe(2);
  });

  it("does not retry other failures", async () => {
    let calls = 0;
    await expect(retryTransient(async () => (calls++, Promise.reject(new AppError("conflict", "already received"))), { delayMs: 0 })).rejects.toMatchObject({ code: "conflict" });
    expect(calls).toBe(1);
  });
});
