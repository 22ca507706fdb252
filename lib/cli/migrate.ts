import { closeDatabase, getDatabase } from "@/lib/db/client";

/** `migrate`: applies pending migrations to the configured database and reports where. */
export async function runMigrate(): Promise<number> {
  const started = Date.now();
  const handle = await getDatabase();
  process.stderr.write(`Database migrated (${handle.kind}, ${handle.location}) in ${Date.now() - started} ms.\n`);
  await closeDatabase();
  return 0;
}
