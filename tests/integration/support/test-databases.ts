import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

/**
 * The engines every integration test runs against: a fresh in-memory PGlite always, and a fresh
 * PostgreSQL database (created for the test file, dropped after) when DATABASE_URL_TEST points to
 * a server with pgvector, as in CI. Each comes migrated with drizzle/.
 */
export interface TestDatabase {
  name: "pglite" | "postgres";
  open(): Promise<DatabaseHandle>;
}

// Tests read the environment directly: it configures the test run, not the app.
const adminUrl = process.env.DATABASE_URL_TEST;

export const testDatabases: TestDatabase[] = [
  { name: "pglite", open: openMigratedPglite },
  ...(adminUrl ? [{ name: "postgres" as const, open: () => openMigratedPostgres(adminUrl) }] : []),
];

async function openMigratedPglite(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ pgliteDir: "memory://" });
  await migrateDatabase(handle);
  return handle;
}

async function openMigratedPostgres(url: string): Promise<DatabaseHandle> {
  const name = `coach_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ url: target.toString() });
  await migrateDatabase(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
