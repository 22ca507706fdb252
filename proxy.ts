import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { contentSecurityPolicy, createNonce, SECURITY_HEADERS } from "@/lib/security/security-headers";

/**
 * Runs before every request (Next.js 16 renamed middleware to proxy): a fresh nonce per request
 * in the Content-Security-Policy, set on the request too, which is where Next.js reads it to put
 * the nonce on its own scripts while rendering; and the security headers on every response.
 */
export function proxy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy({ nonce: createNonce(), development: getEnv().NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the upload route: the proxy buffers a copy of each request body it sees, up to
  // 10 MB (proxyClientMaxBodySize), so an upload of documents up to INGEST_MAX_DOCUMENT_MB each
  // would reach the route cut short. That route sets the same headers itself (no page, no CSP).
  matcher: ["/((?!api/documents$).*)"],
};
