import { requirePerson } from "@/lib/auth/current-person";
import { AppError, toAppError } from "@/lib/errors";
import { getInterviewView } from "@/lib/interview/interview-service";

export const dynamic = "force-dynamic";

/** The interview as it stands: settings, messages, what the interviewer waits for. Someone else's is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const person = await requirePerson();
    const view = await getInterviewView({ id: (await params).id, ownerId: person.id });
    if (!view) throw new AppError("not_found", "This interview does not exist.");
    return Response.json(view);
  } catch (error) {
    return toAppError(error).toResponse();
  }
}
