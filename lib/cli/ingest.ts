import { closeDatabase, getDatabase } from "@/lib/db/client";
import { getEmbedder } from "@/lib/embeddings";
import { getEnv } from "@/lib/env";
import { ingestDocuments, type IngestSummary } from "@/lib/ingest/ingest-documents";
import { createProgressBar } from "./progress-bar";

/**
 * `ingest [paths...] [--json]`: ingests `content/` (default) or the given files and folders.
 * Exits 1 when any document failed, after ingesting all the others.
 */
export async function runIngest(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const inputs = args.filter((arg) => !arg.startsWith("--"));
  // Ctrl-C stops between documents: each document is written whole or not at all.
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  const summary = await ingestWithProgress(inputs.length > 0 ? inputs : ["content"], stop.signal);
  await closeDatabase();
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    process.stdout.write(formatSummary(summary));
  }
  if (summary.interrupted) return 130;
  return summary.errors.length > 0 ? 1 : 0;
}

/** Ingests with a progress bar and the search-tier notice on stderr; shared with `serve`. */
export async function ingestWithProgress(inputs: string[], signal?: AbortSignal): Promise<IngestSummary> {
  const env = getEnv();
  const [handle, loaded] = await Promise.all([getDatabase(), getEmbedder()]);
  if (loaded.status.tier === "lexical") process.stderr.write(`${loaded.status.notice}\n`);
  const bar = createProgressBar("Ingesting");
  const summary = await ingestDocuments({
    db: handle.db,
    embedder: loaded.embedder,
    inputs,
    root: process.cwd(),
    maxBytes: env.INGEST_MAX_DOCUMENT_MB * 1024 * 1024,
    onProgress: ({ done, total, document, status }) => bar.update(done, total, `${document} (${status})`),
    signal,
  });
  bar.finish();
  for (const error of summary.errors) process.stderr.write(`✗ ${error.document}: ${error.message}\n`);
  return summary;
}

function formatSummary(summary: IngestSummary): string {
  return (
    `${summary.documents} documents (${summary.skipped} unchanged, ${summary.removed} removed), ` +
    `${summary.questions} questions from ${summary.sources} sources (${summary.merged} merged), ` +
    `${summary.chunks} chunks, ${summary.errors.length} errors, in ${summary.ms} ms\n`
  );
}
