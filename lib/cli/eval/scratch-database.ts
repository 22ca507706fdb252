import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

/**
 * A throwaway in-memory PGlite with the app's migrations: evaluations index their own corpora and
 * must neither read nor disturb the person's database.
 */
export async function openScratchDatabase(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ pgliteDir: "memory://" });
  await migrateDatabase(handle);
  return handle;
}
