import fs from "node:fs/promises";
import type { Database } from "@/lib/db/client";
import { getCorpusCounts } from "@/lib/db/queries/corpus";
import { getStoredDocuments, removeDocuments, replaceDocument } from "@/lib/db/queries/documents";
import { ensureVectorIndexes } from "@/lib/db/queries/vector-index";
import type { Embedder } from "@/lib/embeddings";
import { AppError } from "@/lib/errors";
import { discoverDocuments, isUnderFolder } from "./discover-documents";
import { mergePolicy } from "./merge-policy";
import { contentHash, prepareDocument } from "./prepare-document";

export interface IngestSummary {
  /** Documents in the inputs that are indexed now (new, changed or unchanged). */
  documents: number;
  /** Canonical questions in the corpus after the run. */
  questions: number;
  /** Question sources (a question as one document states it) in the corpus. */
  sources: number;
  chunks: number;
  /** Sources that share a canonical question with another source (sources - questions). */
  merged: number;
  /** Unchanged documents left as they were (same content hash). */
  skipped: number;
  /** Stored documents under the ingested folders that are gone from disk, and so removed. */
  removed: number;
  errors: { document: string; message: string }[];
  /** True when the run was stopped before every document was looked at. */
  interrupted: boolean;
  ms: number;
}

export interface IngestProgress {
  done: number;
  total: number;
  document: string;
  status: "skipped" | "indexed" | "failed";
}

export interface IngestOptions {
  db: Database;
  embedder: Embedder | null;
  /** Files and folders, relative to root; default `content`. */
  inputs: string[];
  root: string;
  maxBytes: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Stops between documents (Ctrl-C): what is written stays consistent, the rest waits for next time. */
  signal?: AbortSignal;
}

/**
 * Ingests documents: each new or changed one is parsed, chunked, embedded and written in its own
 * transaction; unchanged ones are skipped by content hash; documents gone from an ingested folder
 * are removed. A bad document is reported in `errors` and never stops the others; its last good
 * version, if any, stays indexed.
 */
export async function ingestDocuments(options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const { db, embedder, root, maxBytes, onProgress, signal } = options;
  const discovery = await discoverDocuments(options.inputs, root);
  const errors = discovery.unreadable.map((problem) => ({ document: problem.path, message: problem.message }));
  const stored = await getStoredDocuments({ db });
  let skipped = 0;
  let indexed = 0;

  for (const [index, document] of discovery.documents.entries()) {
    if (signal?.aborted) break;
    let status: IngestProgress["status"] = "indexed";
    try {
      const bytes = await readDocument(document.absolutePath, maxBytes);
      const previous = stored.get(document.path);
      // Unchanged bytes: nothing to do, unless a working model differs from the one that embedded
      // them. Without a model (say the embeddings server is down) stored vectors are kept.
      if (previous?.contentHash === contentHash(bytes) && (!embedder || previous.embeddingModel === embedder.modelId)) {
        status = "skipped";
        skipped++;
      } else {
        const prepared = await prepareDocument({ path: document.path, bytes, embedder });
        await replaceDocument({ db, document: prepared, policy: mergePolicy });
        indexed++;
      }
    } catch (error) {
      status = "failed";
      errors.push({ document: document.path, message: describe(error) });
    }
    onProgress?.({ done: index + 1, total: discovery.documents.length, document: document.path, status });
  }

  const interrupted = Boolean(signal?.aborted);
  const found = new Set(discovery.documents.map((document) => document.path));
  const gone = interrupted
    ? []
    : [...stored.keys()].filter((path) => !found.has(path) && discovery.folders.some((folder) => isUnderFolder(path, folder)));
  try {
    await removeDocuments({ db, paths: gone, canonicalize: mergePolicy.canonicalize });
  } catch (error) {
    for (const path of gone) errors.push({ document: path, message: `Could not remove this deleted document: ${describe(error)}` });
    gone.length = 0;
  }

  // After the bulk writes, not before: building the approximate index once beats updating it per row.
  if (indexed > 0) await ensureVectorIndexes({ db });
  const counts = await getCorpusCounts({ db });
  return {
    documents: skipped + indexed,
    questions: counts.questions,
    sources: counts.sources,
    chunks: counts.chunks,
    merged: counts.sources - counts.questions,
    skipped,
    removed: gone.length,
    errors,
    interrupted,
    ms: Date.now() - started,
  };
}

async function readDocument(file: string, maxBytes: number): Promise<Uint8Array> {
  const { size } = await fs.stat(file);
  if (size > maxBytes) {
    throw new AppError("payload_too_large", `The document is ${formatMb(size)}; the limit is ${formatMb(maxBytes)} (INGEST_MAX_DOCUMENT_MB).`);
  }
  return new Uint8Array(await fs.readFile(file));
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describe(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return `Could not ingest this document: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
}
