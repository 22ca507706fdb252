import { toAppError } from "@/lib/errors";
import { getSystemStatus } from "@/lib/interview/system-status";

export const dynamic = "force-dynamic";

/** Liveness and readiness for people and load balancers: 200 with what runs, 503 when the database is down. */
export async function GET(): Promise<Response> {
  try {
    const status = await getSystemStatus();
    return Response.json({
      ok: true,
      database: status.database.kind,
      search: status.embeddings.tier,
      corpus: status.corpus,
    });
  } catch (error) {
    const appError = toAppError(error);
    console.error("health check failed", error);
    return Response.json({ ok: false, ...appError.toJSON() }, { status: 503 });
  }
}
