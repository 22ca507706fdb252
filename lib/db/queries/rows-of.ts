/**
 * The rows of a raw `db.execute(sql...)`: drizzle returns them as an array on postgres-js and as
 * `{ rows }` on PGlite, and raw SQL is where both engines must read the same.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
