import { toAppError } from "@/lib/errors";
import { checkMessageText, getInterviewView, takeTurn } from "@/lib/interview/interview-service";
import { checkMessageRate } from "@/lib/limits/message-rate";
import { readJsonBody } from "../../read-json-body";
import { sendMessageRequest } from "../../request-schemas";

export const dynamic = "force-dynamic";

/**
 * Sends one message of the person's and streams the reply as NDJSON: `token` lines while an LLM
 * phrases the interviewer's turn, then `messages` (everything stored by this turn, the person's
 * own message first) and `done` with the whole view; or `error`. A bad request is refused before
 * streaming, with a JSON error and its status (429 with Retry-After over the message rate).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  let body;
  try {
    // Counted before anything is read: a person over the limit costs no parsing, no database, no LLM.
    checkMessageRate(request);
    body = await readJsonBody(request, sendMessageRequest);
    // Refused here, not inside the stream, so an empty or too long message answers 400 or 413.
    checkMessageText(body.text);
    if (!(await getInterviewView({ id }))) return Response.json({ error: { code: "not_found", message: "This interview does not exist." } }, { status: 404 });
  } catch (error) {
    return toAppError(error).toResponse();
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // A reader that went away (a reload mid-answer) must not stop the turn: it finishes and is
      // stored, so the reloaded page shows the reply.
      let open = true;
      const send = (event: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          open = false;
        }
      };
      try {
        const turn = await takeTurn({
          sessionId: id,
          clientMessageId: body.clientMessageId,
          text: body.text,
          spoken: body.spoken ?? false,
          durationMs: body.durationMs ?? null,
          onToken: (text) => send({ type: "token", text }),
        });
        send({ type: "messages", messages: turn.messages });
        send({ type: "done", view: turn.view });
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === "internal") console.error("an interview turn failed", error);
        send({ type: "error", code: appError.code, message: appError.message });
      } finally {
        if (open) {
          try {
            controller.close();
          } catch {
            // Already closed by a reader that went away.
          }
        }
      }
    },
    cancel() {
      // The turn goes on without a reader; see `send`.
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
