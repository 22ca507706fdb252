import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Larger bodies are refused before parsing: no message of the interview needs more. */
const MAX_BODY_BYTES = 1_100_000;

/**
 * The request's JSON body checked against `schema`; a clear 400 (or 413) otherwise, naming what is
 * wrong, never a stack trace.
 */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new AppError("payload_too_large", "The request is too large.");
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) throw new AppError("payload_too_large", "The request is too large.");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("bad_request", `Invalid request: ${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data;
}
