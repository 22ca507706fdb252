import { requirePerson } from "@/lib/auth/current-person";
import { toAppError } from "@/lib/errors";
import { startInterview } from "@/lib/interview/interview-service";
import { checkMessageRate } from "@/lib/limits/message-rate";
import { readJsonBody } from "./read-json-body";
import { startInterviewRequest } from "./request-schemas";

export const dynamic = "force-dynamic";

/** Starts an interview with the settings given; answers 201 with its id (429 over the message rate). */
export async function POST(request: Request): Promise<Response> {
  try {
    const person = await requirePerson();
    // Starting phrases the first question, which may call the LLM: it counts as a message.
    checkMessageRate({ personId: person.id });
    const settings = await readJsonBody(request, startInterviewRequest);
    return Response.json(await startInterview(settings, { ownerId: person.id }), { status: 201 });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "internal") console.error("starting an interview failed", error);
    return appError.toResponse();
  }
}
