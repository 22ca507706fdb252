import { vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { writeCorpus } from "./interview-corpus";
import { createScratchPostgres, postgresTestUrl } from "./scratch-postgres";

/**
 * Which database the next engine opens: "pglite" (on disk, the default) or "postgres" (a fresh
 * database on the DATABASE_URL_TEST server). A test file that runs another one's tests on
 * PostgreSQL sets it before importing that file.
 */
export const engineDatabase: { kind: "pglite" | "postgres"; via?: (url: string) => string } = { kind: "pglite" };

/**
 * The interview engine as the app uses it: the process-wide database, LLM and embedder, all
 * configured from the environment (lib/env, read once and cached). This sets the environment for
 * a test file (a PGlite on disk in a fresh temporary folder, no embedding model and no download,
 * so the lexical tier; an LLM only when `llmBaseURL` is given), then imports the engine, so
 * nothing reads the configuration before it is set, and ingests the small corpus of
 * interview-corpus.ts. One per test file: the engine's singletons live for the whole process.
 * With `engineDatabase.kind = "postgres"`, a fresh PostgreSQL database instead of the PGlite
 * (`engineDatabase.via` rewrites its URL, e.g. to go through a proxy).
 */
export async function openInterviewEngine({
  prefix,
  llmBaseURL,
  llmTimeoutMs = 1000,
  llmMaxAttempts = 2,
}: {
  prefix: string;
  llmBaseURL?: string;
  llmTimeoutMs?: number;
  llmMaxAttempts?: number;
}) {
  const corpus = writeCorpus(prefix);
  const kind = engineDatabase.kind;
  if (kind === "postgres" && !postgresTestUrl) throw new Error("the engine on PostgreSQL needs DATABASE_URL_TEST");
  const scratch = kind === "postgres" ? await createScratchPostgres(postgresTestUrl!, "coach_engine") : null;
  const databaseUrl = scratch ? (engineDatabase.via?.(scratch.url) ?? scratch.url) : undefined;
  const settings: Record<string, string | undefined> = {
    DATA_DIR: corpus.dataDir,
    PGLITE_DIR: undefined,
    DATABASE_URL: databaseUrl,
    EMBEDDINGS: "local",
    EMBEDDING_MODEL_DIR: undefined,
    EMBEDDING_ALLOW_DOWNLOAD: "false",
    OPENAI_API_KEY: llmBaseURL ? "sk-test" : undefined,
    OPENAI_BASE_URL: llmBaseURL,
    OPENAI_MODEL: "test-model",
    OPENAI_TIMEOUT_MS: String(llmTimeoutMs),
    OPENAI_MAX_ATTEMPTS: String(llmMaxAttempts),
  };
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);

  const { getEnv } = await import("@/lib/env");
  const env = getEnv();
  // lib/env caches the first read: a configuration read earlier in this process would be used instead.
  if (env.DATA_DIR !== corpus.dataDir || env.OPENAI_BASE_URL !== llmBaseURL) {
    throw new Error("lib/env was read before the test configured it: run this test file in its own process");
  }
  const { getDatabase, closeDatabase } = await import("@/lib/db/client");
  const { ingestDocuments } = await import("@/lib/ingest/ingest-documents");
  const service = await import("@/lib/interview/interview-service");
  const handle = await getDatabase();
  const { db } = handle;
  if (handle.kind !== kind || (kind === "pglite" && !handle.location.startsWith(corpus.dataDir))) throw new Error(`the engine opened ${handle.kind} at ${handle.location}, not the test's ${kind}`);
  const ingested = await ingestDocuments({ db, embedder: null, inputs: ["notes"], root: corpus.root, maxBytes: 1024 * 1024 });
  if (ingested.errors.length > 0 || ingested.questions !== 6) throw new Error(`the corpus did not ingest as expected: ${JSON.stringify(ingested)}`);

  return {
    service,
    db: db as Database,
    /** The temporary project root the corpus was ingested from (documents are paths relative to it). */
    root: corpus.root,
    kind,
    /** The scratch PostgreSQL database's name (postgres only). */
    databaseName: scratch?.name ?? null,
    async close() {
      await closeDatabase();
      await scratch?.drop();
      vi.unstubAllEnvs();
      corpus.remove();
    },
  };
}

export type InterviewEngine = Awaited<ReturnType<typeof openInterviewEngine>>;
