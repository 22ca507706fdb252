import fs from "node:fs";
import { parseArgs } from "node:util";
import { getDatabase } from "@/lib/db/client";
import { getCorpusCounts } from "@/lib/db/queries/corpus";
import { getEmbedder } from "@/lib/embeddings";
import { AppError } from "@/lib/errors";
import { searchQuestions, type SearchResponse } from "@/lib/retrieval/search-questions";
import { readLines } from "./read-lines";

/**
 * `search <query> [--k N] [--json]` and `search --jsonl <file|-> [--k N]`: the retriever from the
 * command line. The JSONL form reads `{query}` lines and writes one result object per line, loading
 * the model and the database once for all of them; a bad line gets an `error` line, not a crash.
 */
export async function runSearch(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { k: { type: "string", default: "10" }, json: { type: "boolean", default: false }, jsonl: { type: "string" } },
  });
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 100) throw new AppError("bad_request", `--k takes a whole number from 1 to 100, not "${values.k}".`);
  const query = positionals.join(" ").trim();
  if (!values.jsonl && !query) throw new AppError("bad_request", "Usage: search <query> [--k N] [--json], or search --jsonl <file|-> [--k N].");
  if (values.jsonl && values.jsonl !== "-" && !fs.existsSync(values.jsonl)) throw new AppError("not_found", `No such file: ${values.jsonl}`);

  const [handle, loaded] = await Promise.all([getDatabase(), getEmbedder()]);
  if (loaded.status.tier === "lexical") process.stderr.write(`${loaded.status.notice}\n`);
  if ((await getCorpusCounts({ db: handle.db })).questions === 0) {
    process.stderr.write("The question bank is empty: run `npm run -s cli -- ingest` (or `npm start`) to index content/ first.\n");
  }
  const search = (text: string) => searchQuestions({ db: handle.db, query: text, embedder: loaded.embedder, k });

  if (values.jsonl) return searchLines(values.jsonl, search);
  const response = await search(query);
  process.stdout.write(values.json ? `${JSON.stringify(toContract(response))}\n` : formatResponse(response));
  return 0;
}

async function searchLines(file: string, search: (query: string) => Promise<SearchResponse>): Promise<number> {
  let failures = 0;
  for await (const { line, number } of readLines(file)) {
    let query: unknown;
    try {
      query = (JSON.parse(line) as { query?: unknown }).query;
    } catch {
      query = undefined;
    }
    if (typeof query !== "string" || !query.trim()) {
      failures++;
      process.stdout.write(`${JSON.stringify({ line: number, error: 'Each line must be a JSON object with a non-empty string "query".' })}\n`);
      continue;
    }
    process.stdout.write(`${JSON.stringify(toContract(await search(query)))}\n`);
  }
  return failures > 0 ? 1 : 0;
}

/** The design's contract shape, plus what helps a reader: the tier, the topic, the ranks. */
function toContract(response: SearchResponse) {
  return {
    query: response.query,
    tier: response.tier,
    ...(response.notice ? { notice: response.notice } : {}),
    results: response.results.map((result) => ({
      questionId: result.questionId,
      question: result.question,
      score: Number(result.score.toFixed(6)),
      topic: result.topic,
      sources: result.sources.map(({ document, line }) => ({ document, line })),
    })),
  };
}

function formatResponse(response: SearchResponse): string {
  const { analysis } = response;
  const notes = [
    analysis.cleaned !== response.query.trim() ? `searched for: ${analysis.cleaned}` : null,
    ...analysis.corrections.map((correction) => `read "${correction.from}" as "${correction.to}"`),
    ...analysis.expansions.map((expansion) => `${expansion.short} = ${expansion.long}`),
  ].filter(Boolean);
  const lines = response.results.map((result, index) => {
    const where = result.sources.map((source) => `${source.document}:${source.line}`).join(", ");
    return `${String(index + 1).padStart(2)}. ${result.question}  (${result.score.toFixed(3)})\n    ${where}`;
  });
  if (lines.length === 0) lines.push("No question matches.");
  return `${notes.length ? `(${notes.join("; ")})\n` : ""}${lines.join("\n")}\n`;
}

