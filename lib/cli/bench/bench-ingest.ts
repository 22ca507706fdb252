import fs from "node:fs/promises";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Embedder } from "@/lib/embeddings";
import { discoverDocuments } from "@/lib/ingest/discover-documents";
import { ingestDocuments } from "@/lib/ingest/ingest-documents";
import { parseDocument } from "@/lib/ingest/parse-document";
import { compareMs, medianMs } from "./measure";

export interface IngestBench {
  documents: number;
  questions: number;
  /** Full ingestion of the corpus into a fresh embedded database, and parsing alone as its baseline. */
  ingestMs: number;
  parseOnlyMs: number;
  ingestToParseRatio: number;
  /** Running ingestion again over unchanged documents (content hashes match). */
  reingestUnchangedMs: number;
}

/** Ingestion of a corpus folder, lexical tier, on a fresh in-memory PGlite per run. */
export async function benchIngest({ root, folder, embedder, runs }: { root: string; folder: string; embedder: Embedder | null; runs: number }): Promise<IngestBench> {
  const { documents } = await discoverDocuments([folder], root);
  const files = await Promise.all(documents.map(async (document) => new Uint8Array(await fs.readFile(document.absolutePath))));
  const options = { embedder, inputs: [folder], root, maxBytes: 64 * 1024 * 1024 };

  let questions = 0;
  const { a: ingestMs, b: parseOnlyMs, ratio } = await compareMs(
    runs,
    async () => {
      const handle = await openDatabase({ pgliteDir: "memory://" });
      await migrateDatabase(handle);
      // Opening and migrating is start-up, not ingestion: only the ingestion itself is timed.
      const started = performance.now();
      const summary = await ingestDocuments({ db: handle.db, ...options });
      const elapsed = performance.now() - started;
      questions = summary.questions;
      await handle.close();
      return elapsed;
    },
    async () => Promise.all(files.map((bytes) => parseDocument(bytes))),
  );

  const handle = await openDatabase({ pgliteDir: "memory://" });
  await migrateDatabase(handle);
  await ingestDocuments({ db: handle.db, ...options });
  const reingestUnchangedMs = await medianMs(runs, () => ingestDocuments({ db: handle.db, ...options }));
  await handle.close();

  return { documents: documents.length, questions, ingestMs, parseOnlyMs, ingestToParseRatio: ratio, reingestUnchangedMs };
}

export const CONTENT_FOLDER = path.join("content");
