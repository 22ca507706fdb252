import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Embedder } from "@/lib/embeddings";
import { discoverDocuments } from "@/lib/ingest/discover-documents";
import { ingestDocuments } from "@/lib/ingest/ingest-documents";
import { parseDocument } from "@/lib/ingest/parse-document";
import { compareMs, medianMs, round } from "./measure";
import { writeSyntheticDocuments } from "./synthetic-documents";

/** One corpus ingested, beside parsing the same documents alone (read, clean, find the questions). */
export interface IngestRates {
  documents: number;
  bytes: number;
  /** Questions as the documents state them (sources): what both ingestion and parsing go through. */
  extractedQuestions: number;
  /** Canonical questions after merging duplicates. */
  questions: number;
  ingestMs: number;
  parseOnlyMs: number;
  ingestToParseRatio: number;
  documentsPerSecond: number;
  questionsPerSecond: number;
  parseDocumentsPerSecond: number;
  parseQuestionsPerSecond: number;
  runs: number;
}

export interface IngestBench extends IngestRates {
  /** Running ingestion again over unchanged documents (content hashes match). */
  reingestUnchangedMs: number;
  /** The same, on `copies` reworded copies of every document (see synthetic-documents.ts). */
  synthetic?: IngestRates & { copies: number };
}

/**
 * Ingestion of a corpus folder, lexical tier, on a fresh in-memory PGlite per run, interleaved with
 * parsing alone; then, when `syntheticCopies` is set, the same on a corpus that many times larger,
 * written to a temporary folder and removed afterwards.
 */
export async function benchIngest(options: { root: string; folder: string; embedder: Embedder | null; runs: number; syntheticCopies?: number; syntheticRuns?: number; log?: (line: string) => void }): Promise<IngestBench> {
  const { root, folder, embedder, runs } = options;
  const rates = await measureCorpus({ root, folder, embedder, runs });

  const handle = await openDatabase({ pgliteDir: "memory://" });
  await migrateDatabase(handle);
  const ingestOptions = { embedder, inputs: [folder], root, maxBytes: 64 * 1024 * 1024 };
  await ingestDocuments({ db: handle.db, ...ingestOptions });
  const reingestUnchangedMs = await medianMs(runs, () => ingestDocuments({ db: handle.db, ...ingestOptions }));
  await handle.close();

  const bench: IngestBench = { ...rates, reingestUnchangedMs };
  if (options.syntheticCopies) {
    const outRoot = await fs.mkdtemp(path.join(os.tmpdir(), "coach-bench-corpus-"));
    try {
      const written = await writeSyntheticDocuments({ root, folder, copies: options.syntheticCopies, outRoot });
      options.log?.(`wrote ${written.documents} documents (${(written.bytes / 1e6).toFixed(1)} MB) to ${outRoot}; ingesting...`);
      const synthetic = await measureCorpus({ root: outRoot, folder, embedder, runs: options.syntheticRuns ?? 1 });
      bench.synthetic = { ...synthetic, copies: options.syntheticCopies };
    } finally {
      await fs.rm(outRoot, { recursive: true, force: true });
    }
  }
  return bench;
}

async function measureCorpus({ root, folder, embedder, runs }: { root: string; folder: string; embedder: Embedder | null; runs: number }): Promise<IngestRates> {
  const { documents } = await discoverDocuments([folder], root);
  const files = await Promise.all(documents.map(async (document) => new Uint8Array(await fs.readFile(document.absolutePath))));
  const options = { embedder, inputs: [folder], root, maxBytes: 64 * 1024 * 1024 };

  let questions = 0;
  let extractedQuestions = 0;
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
    async () => {
      // Timed by itself, so the sum below stays out of the measurement.
      const started = performance.now();
      const parsed = await Promise.all(files.map((bytes) => parseDocument(bytes)));
      const elapsed = performance.now() - started;
      extractedQuestions = parsed.reduce((sum, document) => sum + document.questions.length, 0);
      return elapsed;
    },
  );
  const perSecond = (count: number, ms: number) => round((count / ms) * 1000, 1);
  return {
    documents: documents.length,
    bytes: files.reduce((sum, bytes) => sum + bytes.length, 0),
    extractedQuestions,
    questions,
    ingestMs,
    parseOnlyMs,
    ingestToParseRatio: ratio,
    documentsPerSecond: perSecond(documents.length, ingestMs),
    questionsPerSecond: perSecond(extractedQuestions, ingestMs),
    parseDocumentsPerSecond: perSecond(documents.length, parseOnlyMs),
    parseQuestionsPerSecond: perSecond(extractedQuestions, parseOnlyMs),
    runs,
  };
}

export const CONTENT_FOLDER = path.join("content");
