import { describe, expect, it } from "vitest";
import { AppError, toAppError } from "@/lib/errors";

describe("AppError", () => {
  it("answers with its code and message, never its cause", async () => {
    const error = new AppError("payload_too_large", "That document is over 5 MB.", { cause: new Error("secret detail") });
    const response = error.toResponse();
    expect(response.status).toBe(413);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: { code: "payload_too_large", message: "That document is over 5 MB." } });
    expect(body).not.toContain("secret");
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("turns unknown failures into a generic internal error that keeps the cause", () => {
    const cause = new TypeError("x is undefined");
    const error = toAppError(cause);
    expect(error.status).toBe(500);
    expect(error.message).not.toContain("undefined");
    expect(error.cause).toBe(cause);
    const known = new AppError("not_found", "No such session.");
    expect(toAppError(known)).toBe(known);
  });

  it("answers 429 with Retry-After when rate limited, 415 for a type refused", async () => {
    const limited = new AppError("rate_limited", "Too many messages. Try again in 12 seconds.", { retryAfterSeconds: 12 });
    const response = limited.toResponse();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("12");
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "Too many messages. Try again in 12 seconds." } });
    const refused = new AppError("unsupported_media_type", "Not a PDF.").toResponse();
    expect(refused.status).toBe(415);
    expect(refused.headers.get("retry-after")).toBeNull();
  });
});
