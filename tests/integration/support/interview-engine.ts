import { vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { writeCorpus } from "./interview-corpus";

/**
 * The interview engine as the app uses it: the process-wide database, LLM and embedder, all
 * configured from the environment (lib/env, read once and cached). This sets the environment for
 * a test file (a PGlite on disk in a fresh temporary folder, no embedding model and no download,
 * so the lexical tier; an LLM only when `llmBaseURL` is given), then imports the engine, so
 * nothing reads the configuration before it is set, and ingests the small corpus of
 * interview-corpus.ts. One per test file: the engine's singletons live for the whole process.
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
  const settings: Record<string, string | undefined> = {
    DATA_DIR: corpus.dataDir,
    PGLITE_DIR: undefined,
    DATABASE_URL: undefined,
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
  const { db, kind, location } = await getDatabase();
  if (kind !== "pglite" || !location.startsWith(corpus.dataDir)) throw new Error(`the engine opened ${kind} at ${location}, not the test's PGlite`);
  const ingested = await ingestDocuments({ db, embedder: null, inputs: ["notes"], root: corpus.root, maxBytes: 1024 * 1024 });
  if (ingested.errors.length > 0 || ingested.questions !== 6) throw new Error(`the corpus did not ingest as expected: ${JSON.stringify(ingested)}`);

  return {
    service,
    db: db as Database,
    /** The temporary project root the corpus was ingested from (documents are paths relative to it). */
    root: corpus.root,
    async close() {
      await closeDatabase();
      vi.unstubAllEnvs();
      corpus.remove();
    },
  };
}

export type InterviewEngine = Awaited<ReturnType<typeof openInterviewEngine>>;
