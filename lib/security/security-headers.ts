/**
 * The security headers of every response, and the Content Security Policy of each page. Pure:
 * `proxy.ts` calls these per request with a fresh nonce.
 *
 * The policy, directive by directive, and why:
 * - script-src: only scripts carrying this request's nonce, and what they load ('strict-dynamic':
 *   Next.js's chunks). Every page of this app renders per request (force-dynamic), which is what
 *   lets Next.js put the nonce on its own scripts. No inline handler, no javascript: URL, no
 *   injected <script> can run. Development adds 'unsafe-eval' (React's debugging needs it).
 * - style-src: style sheets from this origin and <style> elements with the nonce.
 *   style-src-attr 'unsafe-inline': KaTeX positions formulas with style attributes; an attribute
 *   can restyle an element but never run code or read the page (that needs a <style> element,
 *   still nonce-gated).
 * - img-src/font-src: this origin (and data: for KaTeX's fonts and icons); Markdown images are
 *   shown as links, so no image loads from anywhere a document points to.
 * - connect-src 'self': the page talks to this server only (the LLM is reached by the server).
 * - object-src, frame-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'
 *   (no page of the app may be framed, against clickjacking; X-Frame-Options says it to older
 *   browsers).
 * - No upgrade-insecure-requests: the app is self-hosted and often served over plain http on a
 *   LAN address, where upgrading its own requests to https would break every page.
 */
export function contentSecurityPolicy({ nonce, development = false }: { nonce: string; development?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/**
 * Headers every response carries, pages, API and static files alike: no MIME sniffing (an upload
 * served back can never become a script), no referrer leaves the app (document paths are in its
 * URLs), no framing, the microphone for this origin only (speech input) and nothing else, and a
 * browsing context of its own (no window opened from elsewhere can reach it).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "microphone=(self), camera=(), geolocation=(), payment=(), usb=(), serial=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** A fresh nonce: 128 random bits in base64, unguessable and never reused. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The response with every header of SECURITY_HEADERS set (for routes the proxy does not see). */
export function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}
