import { parseArgs } from "node:util";
import { getEmbedder, getEmbeddingSettings } from "@/lib/embeddings";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { benchEmbedding } from "./bench/bench-embedding";
import { benchOfflineGrading, loadGradingCorpus, type GradingCorpus } from "./bench/bench-grading";
import { benchIngest, CONTENT_FOLDER } from "./bench/bench-ingest";
import { benchLlmOverhead } from "./bench/bench-llm";
import { benchPage } from "./bench/bench-page";
import { benchSearch } from "./bench/bench-search";
import { formatBench } from "./bench/bench-text";
import { BENCH_PARTS, type BenchFigures, type BenchPart } from "./bench/bench-types";
import { searchPlan, seedVocabulary } from "./bench/search-plan";
import { commandLine, describeMachine, saveFigures } from "./report/saved-reports";

/** Sizes of the full run and of `--quick`, a smoke test of every part in about a minute (plus any build). */
const SIZES = {
  full: { runs: 3, syntheticCopies: 100, gradingQuestions: Number.POSITIVE_INFINITY, llmRequests: 60, pageRequests: 60, searchQueries: 200, searchSizes: undefined },
  quick: { runs: 1, syntheticCopies: 5, gradingQuestions: 20, llmRequests: 10, pageRequests: 10, searchQueries: 20, searchSizes: "pglite:2000" },
};

/**
 * `bench [--json] [--quick] [--runs N] [--only ingest,embedding,grading,llm,page,search] [--skip-search]
 * [--search-sizes pglite:10000,postgres:1m] [--search-queries N] [--index-memory SIZE|default]
 * [--llm-latency-ms N]`: measures the product on this machine. Every figure comes with a baseline run
 * side by side in the same process, because absolute times here are noisy. The figures are also
 * saved to `$DATA_DIR/reports/bench-<time>.json` for `report`.
 */
export async function runBench(args: string[]): Promise<number> {
  const values = parseBenchArgs(args);
  const size = values.quick ? SIZES.quick : SIZES.full;
  const runs = Math.max(1, Number(values.runs) || size.runs);
  const parts = new Set<BenchPart>(values.only ? values.only.split(",").map((part) => checkPart(part.trim())) : BENCH_PARTS);
  if (values["skip-search"]) parts.delete("search");
  const root = process.cwd();
  const log = (line: string) => process.stderr.write(`  ${line}\n`);
  const report: BenchFigures = { quick: values.quick };
  const loaded = parts.has("embedding") || parts.has("grading") || parts.has("llm") ? await getEmbedder() : null;

  if (parts.has("ingest")) {
    process.stderr.write(`Benchmarking ingestion of ${CONTENT_FOLDER}/ (${runs} runs each) and of ${size.syntheticCopies} reworded copies of it (lexical tier)...\n`);
    report.ingest = await benchIngest({ root, folder: CONTENT_FOLDER, embedder: null, runs, syntheticCopies: size.syntheticCopies, log });
  }
  if (parts.has("embedding") && loaded) {
    report.embedding = { skipped: loaded.status.tier === "lexical" ? loaded.status.notice : "" };
    const settings = getEmbeddingSettings();
    if (loaded.embedder && settings.backend === "local") {
      process.stderr.write(`Benchmarking the embedding path with ${loaded.embedder.modelId}...\n`);
      report.embedding = await benchEmbedding({ embedder: loaded.embedder, settings, root, folder: CONTENT_FOLDER, runs });
    }
  }
  let corpus: GradingCorpus | null = null;
  if (parts.has("grading") || parts.has("llm")) corpus = await loadGradingCorpus({ root, folder: CONTENT_FOLDER });
  if (parts.has("grading")) {
    process.stderr.write("Benchmarking the offline grader against plain TF-IDF on answers built from content/'s questions...\n");
    report.grading = await benchOfflineGrading({ corpus: corpus!, embedder: loaded?.embedder ?? null, questions: size.gradingQuestions });
  }
  if (parts.has("llm")) {
    const latencyMs = Math.max(0, Number(values["llm-latency-ms"] ?? 50) || 0);
    process.stderr.write(`Benchmarking the LLM grading path against a bare openai client (test server, ${latencyMs} ms latency)...\n`);
    report.llm = await benchLlmOverhead({ root, corpus: corpus!, embedder: loaded?.embedder ?? null, requests: size.llmRequests, latencyMs });
  }
  if (parts.has("page")) {
    process.stderr.write("Benchmarking the interview page on the production server (built first when stale)...\n");
    report.page = await benchPage({ root, requests: size.pageRequests, log });
  }
  if (parts.has("search")) {
    const adminUrl = getEnv().DATABASE_URL;
    const plan = searchPlan({ sizes: values["search-sizes"] ?? size.searchSizes, postgresConfigured: Boolean(adminUrl) });
    const queries = Math.max(10, Number(values["search-queries"]) || size.searchQueries);
    const indexMemory = values["index-memory"];
    if (indexMemory !== undefined && !/^(default|\d+(kB|MB|GB))$/.test(indexMemory)) throw new AppError("bad_request", `--index-memory takes a size such as 512MB or 2GB, or "default", not "${indexMemory}".`);
    const vocabulary = await seedVocabulary({ root, folder: CONTENT_FOLDER });
    report.search = [];
    for (const { engine, size: chunks } of plan) {
      process.stderr.write(`Benchmarking search over ${chunks.toLocaleString("en")} synthetic chunks in ${engine} (${queries} queries)...\n`);
      const result = await benchSearch({ engine, size: chunks, queries, vocabulary, adminUrl, indexMemory, log });
      process.stderr.write(`  done in ${(result.totalMs / 1000).toFixed(0)} s\n`);
      report.search.push(result);
    }
  }

  const saved = { command: commandLine("bench", args), machine: describeMachine(), ...report };
  const file = await saveFigures("bench", saved);
  process.stderr.write(`Figures saved to ${file} (npm run -s cli -- report draws them).\n`);
  process.stdout.write(values.json ? `${JSON.stringify(saved)}\n` : formatBench(report));
  return 0;
}

function parseBenchArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        json: { type: "boolean", default: false },
        quick: { type: "boolean", default: false },
        runs: { type: "string" },
        only: { type: "string" },
        "skip-search": { type: "boolean", default: false },
        "search-sizes": { type: "string" },
        "search-queries": { type: "string" },
        "index-memory": { type: "string" },
        "llm-latency-ms": { type: "string" },
      },
    }).values;
  } catch (error) {
    throw new AppError("bad_request", error instanceof Error ? error.message : String(error));
  }
}

function checkPart(part: string): BenchPart {
  if (!(BENCH_PARTS as readonly string[]).includes(part)) throw new AppError("bad_request", `--only takes ${BENCH_PARTS.join(", ")} (comma-separated), not "${part}".`);
  return part as BenchPart;
}
