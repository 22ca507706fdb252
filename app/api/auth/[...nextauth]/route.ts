import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** Auth.js's endpoints (sign-in, sign-out, CSRF token, session); not found when nobody signs in. */
async function handle(request: Request, context: RouteContext): Promise<Response> {
  if (!getEnv().signInRequired) return Response.json({ error: { code: "not_found", message: "Nobody signs in on this server: it listens on this machine only." } }, { status: 404 });
  return NextAuth(getAuthOptions())(request, context);
}

export { handle as GET, handle as POST };
