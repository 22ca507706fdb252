import { toAppError } from "@/lib/errors";
import { startInterview } from "@/lib/interview/interview-service";
import { checkMessageRate } from "@/lib/limits/message-rate";
import { readJsonBody } from "./read-json-body";
import { startInterviewRequest } from "./request-schemas";

export const dynamic = "force-dynamic";

/** Starts an interview with the settings given; answers 201 with its id (429 over the message rate). */
export async function POST(request: Request): Promise<Response> {
  try {
    // Starting phrases the first question, which may call the LLM: it counts as a message.
    checkMessageRate(request);
    const settings = await readJsonBody(request, startInterviewRequest);
    return Response.json(await startInterview(settings), { status: 201 });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "internal") console.error("starting an interview failed", error);
    return appError.toResponse();
  }
}
