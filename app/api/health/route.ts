import { getHealth } from "@/lib/interview/system-status";

export const dynamic = "force-dynamic";

/**
 * Liveness and readiness for people and load balancers: 200 when the database answers, 503 when
 * not. The reason goes to the server log only: this endpoint is public.
 */
export async function GET(): Promise<Response> {
  try {
    return Response.json({ ok: true, ...(await getHealth()) });
  } catch (error) {
    console.error("health check failed", error);
    return Response.json({ ok: false, error: { code: "unavailable", message: "The database is not answering." } }, { status: 503 });
  }
}
