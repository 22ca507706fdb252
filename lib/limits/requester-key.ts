/**
 * Who is asking, as a key for per-person limits. Every limit that counts per person asks this one
 * function, so identity changes in one place.
 *
 * For now the app has no sign-in: it is one person's coach, and every request is that person's,
 * so the key is "local" (a shared budget for the whole server). Once sign-in lands this returns
 * the signed-in person's id (and keeps a fallback for requests without a session).
 */
export function requesterKey(_request: Request): string {
  return "local";
}
