import { requirePerson } from "@/lib/auth/current-person";
import { AppError, toAppError } from "@/lib/errors";
import { getSessionSummaryView } from "@/lib/interview/interview-service";

export const dynamic = "force-dynamic";

/** The session summary as a Markdown file to download. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const person = await requirePerson();
    const summary = await getSessionSummaryView({ id: (await params).id, ownerId: person.id });
    if (!summary) throw new AppError("not_found", "This interview does not exist.");
    const day = summary.startedAt.slice(0, 10);
    return new Response(summary.markdown, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="interview-${day}.md"`,
      },
    });
  } catch (error) {
    return toAppError(error).toResponse();
  }
}
