import { requirePerson } from "@/lib/auth/current-person";
import { AppError, toAppError } from "@/lib/errors";
import { checkMessageText, interviewExists, NOT_STORED_MESSAGE, takeTurn } from "@/lib/interview/interview-service";
import { checkMessageRate } from "@/lib/limits/message-rate";
import { readJsonBody } from "../../read-json-body";
import { sendMessageRequest } from "../../request-schemas";

export const dynamic = "force-dynamic";

/**
 * Sends one message of the person's and streams the reply as NDJSON: `token` lines while an LLM
 * phrases the interviewer's turn, then `messages` (everything stored by this turn, the person's
 * own message first) and `done` with the whole view; or `error`. The response starts only once
 * the message is stored: a bad request, an unknown interview or a database that cannot store it
 * (503: send it again, it will be stored once) is answered with a JSON error and its status (429 with Retry-After over the
 * message rate).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  let body;
  let ownerId: string;
  try {
    ownerId = (await requirePerson()).id;
    // Counted before the body is read: a person over the limit costs no parsing, no database, no LLM.
    checkMessageRate({ personId: ownerId });
    body = await readJsonBody(request, sendMessageRequest);
    // Refused here, not inside the stream, so an empty or too long message answers 400 or 413.
    checkMessageText(body.text);
    if (!(await interviewExists({ id, ownerId }))) return Response.json({ error: { code: "not_found", message: "This interview does not exist." } }, { status: 404 });
  } catch (error) {
    const appError = toAppError(error);
    // The database could not even find the interview: nothing was stored, the text is still the person's.
    if (appError.code === "unavailable") return new AppError("unavailable", NOT_STORED_MESSAGE, { cause: error }).toResponse();
    return appError.toResponse();
  }
  const encoder = new TextEncoder();
  // A reader that went away (a reload mid-answer) must not stop the turn: it finishes and is
  // stored, so the reloaded page shows the reply.
  let open = true;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(created) {
      controller = created;
    },
    cancel() {
      open = false;
    },
  });
  const send = (event: unknown) => {
    if (!open) return;
    try {
      controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
    } catch {
      open = false;
    }
  };
  const close = () => {
    if (!open) return;
    open = false;
    try {
      controller.close();
    } catch {
      // Already closed by a reader that went away.
    }
  };

  let stored!: () => void;
  const storedNow = new Promise<"stored">((resolve) => (stored = () => resolve("stored")));
  const turn = takeTurn({
    sessionId: id,
    ownerId,
    clientMessageId: body.clientMessageId,
    text: body.text,
    spoken: body.spoken ?? false,
    durationMs: body.durationMs ?? null,
    onStored: stored,
    onToken: (text) => send({ type: "token", text }),
  });
  const first = await Promise.race([storedNow, turn.then(() => "done" as const, () => "failed" as const)]);
  if (first === "failed") {
    // Nothing was streamed yet: the failure gets its own status (404, 409, 503...).
    const error = await turn.catch((caught: unknown) => caught);
    const appError = toAppError(error);
    if (appError.code === "internal") console.error("an interview turn failed", error);
    close();
    return appError.toResponse();
  }
  void turn
    .then(
      (result) => {
        send({ type: "messages", messages: result.messages });
        send({ type: "done", view: result.view });
      },
      (error: unknown) => {
        const appError = toAppError(error);
        if (appError.code === "internal") console.error("an interview turn failed", error);
        send({ type: "error", code: appError.code, message: appError.message });
      },
    )
    .finally(close);
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
