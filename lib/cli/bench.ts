import { parseArgs } from "node:util";
import { getEmbedder, getEmbeddingSettings } from "@/lib/embeddings";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { benchEmbedding, type EmbeddingBench } from "./bench/bench-embedding";
import { benchIngest, CONTENT_FOLDER, type IngestBench } from "./bench/bench-ingest";
import { benchSearch, type SearchBench } from "./bench/bench-search";
import { searchPlan, seedVocabulary } from "./bench/search-plan";
import { formatSearchTables } from "./bench/search-report";

const PARTS = ["ingest", "embedding", "search"] as const;
type Part = (typeof PARTS)[number];

/**
 * `bench [--json] [--runs N] [--only ingest,embedding,search] [--skip-search]
 * [--search-sizes pglite:10000,postgres:1m] [--search-queries N] [--index-memory SIZE|default]`:
 * measures the product on this machine. Every figure comes with a baseline run side by side in the
 * same process, because absolute times here are noisy.
 */
export async function runBench(args: string[]): Promise<number> {
  const values = parseBenchArgs(args);
  const runs = Math.max(1, Number(values.runs) || 3);
  const parts = new Set<Part>(values.only ? values.only.split(",").map((part) => checkPart(part.trim())) : PARTS);
  if (values["skip-search"]) parts.delete("search");
  const root = process.cwd();
  const report: { ingest?: IngestBench; embedding?: EmbeddingBench | { skipped: string }; search?: SearchBench[] } = {};

  if (parts.has("ingest")) {
    process.stderr.write(`Benchmarking ingestion of ${CONTENT_FOLDER}/ (${runs} runs each, lexical tier)...\n`);
    report.ingest = await benchIngest({ root, folder: CONTENT_FOLDER, embedder: null, runs });
  }
  if (parts.has("embedding")) {
    const loaded = await getEmbedder();
    report.embedding = { skipped: loaded.status.tier === "lexical" ? loaded.status.notice : "" };
    const settings = getEmbeddingSettings();
    if (loaded.embedder && settings.backend === "local") {
      process.stderr.write(`Benchmarking the embedding path with ${loaded.embedder.modelId}...\n`);
      report.embedding = await benchEmbedding({ embedder: loaded.embedder, settings, root, folder: CONTENT_FOLDER, runs });
    }
  }
  if (parts.has("search")) {
    const adminUrl = getEnv().DATABASE_URL;
    const plan = searchPlan({ sizes: values["search-sizes"], postgresConfigured: Boolean(adminUrl) });
    const queries = Math.max(10, Number(values["search-queries"]) || 200);
    const indexMemory = values["index-memory"];
    if (indexMemory !== undefined && !/^(default|\d+(kB|MB|GB))$/.test(indexMemory)) throw new AppError("bad_request", `--index-memory takes a size such as 512MB or 2GB, or "default", not "${indexMemory}".`);
    const vocabulary = await seedVocabulary({ root, folder: CONTENT_FOLDER });
    report.search = [];
    for (const { engine, size } of plan) {
      process.stderr.write(`Benchmarking search over ${size.toLocaleString("en")} synthetic chunks in ${engine} (${queries} queries)...\n`);
      const result = await benchSearch({ engine, size, queries, vocabulary, adminUrl, indexMemory, log: (line) => process.stderr.write(`  ${line}\n`) });
      process.stderr.write(`  done in ${(result.totalMs / 1000).toFixed(0)} s\n`);
      report.search.push(result);
    }
  }

  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  return 0;
}

function parseBenchArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        json: { type: "boolean", default: false },
        runs: { type: "string" },
        only: { type: "string" },
        "skip-search": { type: "boolean", default: false },
        "search-sizes": { type: "string" },
        "search-queries": { type: "string" },
        "index-memory": { type: "string" },
      },
    }).values;
  } catch (error) {
    throw new AppError("bad_request", error instanceof Error ? error.message : String(error));
  }
}

function checkPart(part: string): Part {
  if (!(PARTS as readonly string[]).includes(part)) throw new AppError("bad_request", `--only takes ${PARTS.join(", ")} (comma-separated), not "${part}".`);
  return part as Part;
}

function formatReport({ ingest, embedding, search }: { ingest?: IngestBench; embedding?: EmbeddingBench | { skipped: string }; search?: SearchBench[] }): string {
  let text = "";
  if (ingest) {
    text +=
      `Ingestion (${ingest.documents} documents, ${ingest.questions} questions, lexical tier, fresh in-memory PGlite):\n` +
      `  full ingestion ${ingest.ingestMs} ms vs parsing alone ${ingest.parseOnlyMs} ms: ratio ${ingest.ingestToParseRatio}\n` +
      `  re-ingesting unchanged documents: ${ingest.reingestUnchangedMs} ms\n`;
  }
  if (embedding) {
    text +=
      "skipped" in embedding
        ? `Embedding path: skipped (${embedding.skipped || "not a local model"})\n`
        : `Embedding path (${embedding.modelId}, ${embedding.dims} dims, ${embedding.texts} texts):\n` +
          `  Embedder ${embedding.embedderMs} ms vs bare transformers.js loop ${embedding.bareLoopMs} ms: overhead ratio ${embedding.overheadRatio}\n`;
  }
  if (search) text += formatSearchTables(search);
  return text;
}
