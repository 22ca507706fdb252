import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { getEnv, redactUrl } from "@/lib/env";
import { acquirePgliteLock } from "./pglite-lock";
import * as schema from "./schema";

/** The app's database, whichever engine is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Where the data lives, safe to show (no password). */
  location: string;
  /** The PostgreSQL connection pool (postgres only), for work that needs one dedicated connection. */
  pool?: Sql;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder, or `memory://` for a throwaway database. */
  pgliteDir?: string;
}

/**
 * Opens a database: PostgreSQL when a URL is given, otherwise the embedded PGlite with its bundled
 * pgvector and pg_trgm. The drivers are imported lazily so a process only loads the engine it uses.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.pgliteDir ?? "memory://");
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // Notices ("extension already exists, skipping") are expected during migrations; keep stderr quiet.
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    location: redactUrl(url),
    pool: client,
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : acquirePgliteLock(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { vector } = await import("@electric-sql/pglite-pgvector");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { vector, pg_trgm } });
    const db = drizzle(client, { schema }) as unknown as Database;
    return {
      db,
      kind: "pglite",
      location: inMemory ? "in memory" : dataDir,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

const cache = globalThis as unknown as { __coachDatabase?: Promise<DatabaseHandle> };

/**
 * The process-wide database from the configuration, migrated on first use. Cached on globalThis
 * so development reloads and concurrent requests share one connection pool (and one PGlite).
 */
export function getDatabase(): Promise<DatabaseHandle> {
  cache.__coachDatabase ??= (async () => {
    const env = getEnv();
    const handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir });
    try {
      const { migrateDatabase } = await import("./migrate");
      await migrateDatabase(handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle;
  })().catch((error: unknown) => {
    cache.__coachDatabase = undefined;
    throw error;
  });
  return cache.__coachDatabase;
}

/** Closes the process-wide database, e.g. at the end of a command-line run. */
export async function closeDatabase(): Promise<void> {
  const pending = cache.__coachDatabase;
  cache.__coachDatabase = undefined;
  if (pending) await (await pending).close();
}
