import { requirePerson } from "@/lib/auth/current-person";
import { toAppError } from "@/lib/errors";
import { endInterview } from "@/lib/interview/interview-service";

export const dynamic = "force-dynamic";

/** Ends the interview and returns its summary (ending it again returns the same summary). */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const person = await requirePerson();
    return Response.json(await endInterview({ id: (await params).id, ownerId: person.id }));
  } catch (error) {
    return toAppError(error).toResponse();
  }
}
