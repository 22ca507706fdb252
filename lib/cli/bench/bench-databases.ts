import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { acquirePgliteLock } from "@/lib/db/pglite-lock";

export type BenchEngine = "pglite" | "postgres";

/**
 * Enough `maintenance_work_mem` for the HNSW graph to be built in memory (about 2.3 kB a 384-dim
 * element, with room): with the default 64MB pgvector falls back to a much slower on-disk build past
 * a few tens of thousands of rows. PGlite runs in 32-bit WebAssembly, so it gets at most 1GB.
 */
export function defaultIndexMemory(engine: BenchEngine, size: number, dims: number): string {
  const wanted = (size * (dims * 4 + 800) * 1.5) / 2 ** 20;
  const ceiling = engine === "pglite" ? 1024 : Math.min(8192, os.totalmem() / 4 / 2 ** 20);
  return `${Math.round(Math.max(64, Math.min(wanted, ceiling)))}MB`;
}

/**
 * A throwaway migrated database for one benchmark case, removed by `close()` whatever happened:
 * PGlite in a temporary folder on disk (where the app keeps it; a 100k-chunk corpus is also too big
 * to hold comfortably in memory), or a database created next to the configured PostgreSQL one.
 * The person's own database is only used to connect and create the throwaway one.
 */
export async function openBenchDatabase({ engine, adminUrl }: { engine: BenchEngine; adminUrl?: string }): Promise<DatabaseHandle> {
  if (engine === "pglite") {
    await removeAbandonedFolders();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), FOLDER_PREFIX));
    return withCleanup(() => openDatabase({ pgliteDir: dir }), () => fs.rm(dir, { recursive: true, force: true }));
  }
  if (!adminUrl) throw new Error("PostgreSQL benchmarks need DATABASE_URL.");
  const name = `coach_bench_${process.pid}_${Date.now().toString(36)}`;
  await withAdmin(adminUrl, (admin) => admin.unsafe(`CREATE DATABASE "${name}"`));
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return withCleanup(
    () => openDatabase({ url: target.toString() }),
    () => withAdmin(adminUrl, (admin) => admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  );
}

async function withCleanup(open: () => Promise<DatabaseHandle>, cleanup: () => Promise<unknown>): Promise<DatabaseHandle> {
  let handle: DatabaseHandle | undefined;
  try {
    handle = await open();
    await migrateDatabase(handle);
  } catch (error) {
    await handle?.close().catch(() => {});
    await cleanup();
    throw error;
  }
  const opened = handle;
  const forget = cleanUpOnInterrupt(cleanup);
  return {
    ...opened,
    async close() {
      forget();
      try {
        await opened.close();
      } finally {
        await cleanup();
      }
    },
  };
}

const pendingCleanups = new Set<() => Promise<unknown>>();
let signalsHandled = false;

/**
 * A benchmark stopped by Ctrl-C or a timeout would leave gigabytes behind (a 1M-chunk database is
 * about 6 GB): on SIGINT or SIGTERM the open throwaway databases are removed before exiting. This
 * works for PostgreSQL; PGlite's folders are swept by the next run when it cannot (see below).
 */
function cleanUpOnInterrupt(cleanup: () => Promise<unknown>): () => void {
  if (!signalsHandled) {
    signalsHandled = true;
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        process.stderr.write(`\n${signal}: removing the benchmark's throwaway databases...\n`);
        void Promise.allSettled([...pendingCleanups].map((pending) => pending())).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
      });
    }
  }
  pendingCleanups.add(cleanup);
  return () => pendingCleanups.delete(cleanup);
}

const FOLDER_PREFIX = "coach-bench-";

/**
 * PGlite folders of benchmarks that were killed outright: PGlite computes on the main thread, so a
 * signal's handler waits, and tsx (which relays signals and expects an answer within milliseconds)
 * kills the process first. A folder whose lock can be taken has no living owner; a young one may be
 * another run's, still starting.
 */
async function removeAbandonedFolders(): Promise<void> {
  const entries = await fs.readdir(os.tmpdir(), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(FOLDER_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), entry.name);
    const stat = await fs.stat(dir).catch(() => null);
    if (!stat || Date.now() - stat.mtimeMs < 10 * 60_000) continue;
    let release: (() => void) | undefined;
    try {
      release = acquirePgliteLock(dir);
      await fs.rm(dir, { recursive: true, force: true });
    } catch {
      // In use by a living benchmark.
    } finally {
      release?.();
    }
  }
}

async function withAdmin(url: string, work: (admin: postgres.Sql) => Promise<unknown>): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
