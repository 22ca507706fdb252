import type { EmbeddingBench } from "../bench/bench-embedding";
import type { OfflineGradingBench } from "../bench/bench-grading";
import type { IngestBench, IngestRates } from "../bench/bench-ingest";
import type { LlmOverheadBench } from "../bench/bench-llm";
import type { PageBench } from "../bench/bench-page";
import type { SearchBench } from "../bench/bench-search";
import { bytes, note, num, section, table, times, type FigureSource } from "./html";
import { barChart } from "./svg-chart";

/** A part's figures and where they come from. */
export interface Sourced<T> {
  figures: T;
  source: FigureSource;
}

const BENCH = "npm run -s cli -- bench";

/** Ingestion rates of each corpus beside parsing alone. */
export function ingestSection(input?: Sourced<IngestBench>): string {
  const build = () => {
    const ingest = input!.figures;
    const corpora: [string, IngestRates][] = [["content/", ingest], ...(ingest.synthetic ? [[`content/ ×${ingest.synthetic.copies} (reworded copies)`, ingest.synthetic] as [string, IngestRates]] : [])];
    const rows = corpora.map(([label, rates]) => [
      label,
      num(rates.documents),
      bytes(rates.bytes),
      `${num(rates.extractedQuestions)} (${num(rates.questions)})`,
      num(rates.documentsPerSecond, 1),
      num(rates.questionsPerSecond, 1),
      num(rates.parseDocumentsPerSecond, 1),
      num(rates.parseQuestionsPerSecond, 1),
      times(rates.ingestToParseRatio),
    ]);
    return [
      note("Lexical tier, fresh in-memory PGlite per run. Baseline: parsing the same documents alone (read, clean, find the questions), in the same run. Questions: as the documents state them (after merging duplicates)."),
      table(["corpus", "documents", "size", "questions", "ingest docs/s", "ingest questions/s", "parse docs/s", "parse questions/s", "ingest / parse time"], rows),
      `<p>Re-ingesting unchanged <code>content/</code>: ${num(ingest.reingestUnchangedMs, 1)} ms.</p>`,
      barChart({ title: "Questions per second", series: ["ingestion", "parsing alone (baseline)"], groups: corpora.map(([label, rates]) => ({ label, values: [rates.questionsPerSecond, rates.parseQuestionsPerSecond] })), unit: "/s", digits: 0 }),
    ].join("\n");
  };
  return section({ id: "ingest", title: "Ingestion", source: input?.source, body: input ? build() : undefined, missing: `${BENCH} --only ingest` });
}

/** The embedding path against a bare transformers.js loop, or why it was skipped. */
export function embeddingSection(input?: Sourced<EmbeddingBench | { skipped: string }>): string {
  const build = () => {
    const embedding = input!.figures;
    if ("skipped" in embedding) return note(`Skipped: ${(embedding.skipped || "not a local model").replace(/\.$/, "")}. With model weights in place (or npm run bench:tiny for a speed-only figure from a tiny random model) this compares the app's embedder with a bare transformers.js loop.`);
    return table(["model", "dims", "texts", "app's embedder ms", "bare transformers.js loop ms", "overhead ratio"], [[embedding.modelId, num(embedding.dims), num(embedding.texts), num(embedding.embedderMs, 1), num(embedding.bareLoopMs, 1), times(embedding.overheadRatio, 3)]]);
  };
  return section({ id: "embedding", title: "Embedding path", source: input?.source, body: input ? build() : undefined, missing: `${BENCH} --only embedding` });
}

/** Search latency and recall, approximate against exact, per engine and size. */
export function searchSection(input?: Sourced<SearchBench[]>): string {
  const build = () => {
    const results = input!.figures;
    const label = (r: SearchBench) => `${r.engine} ${num(r.size)}`;
    const rows = results.map((r) => [
      label(r),
      num(r.queries),
      `${num(r.vectorApprox?.p50, 2)} / ${num(r.vectorApprox?.p95, 2)}`,
      `${num(r.vectorExact?.p50, 2)} / ${num(r.vectorExact?.p95, 2)}`,
      times(r.approxSpeedup),
      num(r.recallAt10, 3),
      `${num(r.lexical?.p50, 2)} / ${num(r.lexical?.p95, 2)}`,
      `${num(r.hybrid?.p50, 2)} / ${num(r.hybrid?.p95, 2)}`,
      num(r.load?.chunksPerSecond),
    ]);
    return [
      note("Synthetic corpus in the seed documents' vocabulary with clustered 384-dimension vectors (no model weights here), loaded through the app's write path into a throwaway database. Times are p50 / p95 in ms; speedup = exact p50 / HNSW p50; recall@10 = the HNSW top 10 against the exact top 10."),
      table(["engine, chunks", "queries", "vector HNSW", "vector exact (baseline)", "speedup", "recall@10", "lexical", "hybrid", "load chunks/s"], rows),
      barChart({
        title: "Vector search latency (ms): approximate index against exact search",
        series: ["HNSW p50", "HNSW p95", "exact p50", "exact p95"],
        groups: results.map((r) => ({ label: label(r), values: [r.vectorApprox?.p50, r.vectorApprox?.p95, r.vectorExact?.p50, r.vectorExact?.p95] })),
        unit: "ms",
        digits: 2,
      }),
    ].join("\n");
  };
  return section({ id: "search", title: "Search at scale", source: input?.source, body: input?.figures.length ? build() : undefined, missing: `${BENCH} --only search` });
}

/** Offline grading latency beside plain TF-IDF. */
export function gradingLatencySection(input?: Sourced<OfflineGradingBench>): string {
  const build = () => {
    const g = input!.figures;
    const kinds = ["reference", "partial", "off-topic"] as const;
    return [
      note(`${g.tier === "lexical" ? "Lexical tier (no embedding model)" : "With an embedding model"}: ${num(g.answers)} answers to ${num(g.questions)} questions of content/, each answered three ways (its reference, a partial answer, another question's answer). Baseline: the plain TF-IDF cosine that eval grading measures the grader's quality against.`),
      table(["grader", "p50 ms", "p95 ms"], [
        ["offline grader (rubric built, then graded)", num(g.offline?.p50, 3), num(g.offline?.p95, 3)],
        ["plain TF-IDF cosine (baseline)", num(g.tfidf?.p50, 3), num(g.tfidf?.p95, 3)],
        ["ratio", times(g.ratioP50, 1), times(g.ratioP95, 1)],
      ]),
      table(["answer", "offline grader mean score (0–5)", "TF-IDF mean cosine (0–1)"], kinds.map((kind) => [kind, num(g.meanScore?.[kind], 2), num(g.tfidfMeanCosine?.[kind], 3)])),
      barChart({ title: "Grading latency per answer (ms)", series: ["offline grader", "TF-IDF cosine (baseline)"], groups: [{ label: "p50", values: [g.offline?.p50, g.tfidf?.p50] }, { label: "p95", values: [g.offline?.p95, g.tfidf?.p95] }], unit: "ms", digits: 3 }),
    ].join("\n");
  };
  return section({ id: "grading-latency", title: "Grading latency", source: input?.source, body: input ? build() : undefined, missing: `${BENCH} --only grading` });
}

/** What the app adds around an OpenAI-compatible endpoint. */
export function llmSection(input?: Sourced<LlmOverheadBench>): string {
  const build = () => {
    const l = input!.figures;
    return [
      note(`The project's OpenAI-compatible test server, answering every request after a fixed ${num(l.serverLatencyMs)} ms, serves both the app's LLM grading path (offline grade first, prompt, request, validation, evidence checks) and a bare openai client sending the same request; ${num(l.requests)} requests each, interleaved. Answers that fell back to the offline grader: ${num(l.fellBack)}.`),
      table(["path", "p50 ms", "p95 ms"], [
        ["app's LLM grading path", num(l.app?.p50, 2), num(l.app?.p95, 2)],
        ["bare openai client (baseline)", num(l.bareClient?.p50, 2), num(l.bareClient?.p95, 2)],
        ["overhead ms", num(l.overheadMsP50, 2), num(l.overheadMsP95, 2)],
        ["ratio", times(l.ratioP50, 3), times(l.ratioP95, 3)],
      ]),
      barChart({ title: "LLM grading request (ms)", series: ["app's path", "bare client (baseline)"], groups: [{ label: "p50", values: [l.app?.p50, l.bareClient?.p50] }, { label: "p95", values: [l.app?.p95, l.bareClient?.p95] }], unit: "ms" }),
    ].join("\n");
  };
  return section({ id: "llm", title: "LLM overhead", source: input?.source, body: input ? build() : undefined, missing: `${BENCH} --only llm` });
}

/** The interview page's first-load JavaScript and response time. */
export function pageSection(input?: Sourced<PageBench>): string {
  const build = () => {
    const p = input!.figures;
    return [
      note(`The production server as npm start runs it${p.built ? " (built first: the build was stale)" : ""}, with a throwaway database; an interview created over the API, its page fetched as a browser's first visit would (compressed). Baseline for response time: GET /api/health, interleaved over ${num(p.requests)} requests each.`),
      table(["first load", "count", "transferred", "decoded"], [
        [`external scripts (${(p.scripts?.encodings ?? []).join(", ")})`, num(p.scripts?.count), bytes(p.scripts?.transferredBytes), bytes(p.scripts?.bytes)],
        [`HTML (${p.html?.encoding ?? "–"})`, "1", bytes(p.html?.transferredBytes), bytes(p.html?.bytes)],
        ["inline scripts, inside the HTML", num(p.inline?.count), "–", bytes(p.inline?.bytes)],
      ]),
      table(["route", "p50 ms", "p95 ms"], [
        ["GET /interview/<id>", num(p.page?.p50, 2), num(p.page?.p95, 2)],
        ["GET /api/health (baseline)", num(p.health?.p50, 2), num(p.health?.p95, 2)],
        ["ratio", times(p.ratioP50), times(p.ratioP95)],
      ]),
      barChart({ title: "Server response time (ms)", series: ["interview page", "/api/health (baseline)"], groups: [{ label: "p50", values: [p.page?.p50, p.health?.p50] }, { label: "p95", values: [p.page?.p95, p.health?.p95] }], unit: "ms", digits: 2 }),
    ].join("\n");
  };
  return section({ id: "page", title: "Interview page", source: input?.source, body: input ? build() : undefined, missing: `${BENCH} --only page` });
}
