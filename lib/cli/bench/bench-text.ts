import type { IngestRates } from "./bench-ingest";
import type { BenchFigures } from "./bench-types";
import { formatSearchTables } from "./search-report";

/** The bench's figures as plain text, each beside its baseline. */
export function formatBench({ ingest, embedding, grading, llm, page, search }: BenchFigures): string {
  let text = "";
  if (ingest) {
    text +=
      `Ingestion (lexical tier, fresh in-memory PGlite, median of ${ingest.runs} runs; baseline: parsing the same documents alone):\n` +
      ingestLine("content/", ingest) +
      (ingest.synthetic ? ingestLine(`content/ x${ingest.synthetic.copies} (reworded copies)`, ingest.synthetic) : "") +
      `  re-ingesting unchanged content/: ${ingest.reingestUnchangedMs} ms\n`;
  }
  if (embedding) {
    text +=
      "skipped" in embedding
        ? `Embedding path: skipped (${embedding.skipped || "not a local model"})\n`
        : `Embedding path (${embedding.modelId}, ${embedding.dims} dims, ${embedding.texts} texts):\n` +
          `  Embedder ${embedding.embedderMs} ms vs bare transformers.js loop ${embedding.bareLoopMs} ms: overhead ratio ${embedding.overheadRatio}\n`;
  }
  if (grading) {
    const kinds = (record: Record<string, number>) => Object.entries(record).map(([kind, value]) => `${kind} ${value}`).join(", ");
    text +=
      `Offline grading (${grading.tier} tier, ${grading.answers} answers to ${grading.questions} questions: reference, partial, off-topic):\n` +
      `  offline grader p50 ${grading.offline.p50} ms, p95 ${grading.offline.p95} ms vs plain TF-IDF cosine p50 ${grading.tfidf.p50} ms, p95 ${grading.tfidf.p95} ms: ratio ${grading.ratioP50} / ${grading.ratioP95}\n` +
      `  mean score by answer: ${kinds(grading.meanScore)} (TF-IDF mean cosine: ${kinds(grading.tfidfMeanCosine)})\n`;
  }
  if (llm) {
    text +=
      `LLM grading overhead (test server with a fixed ${llm.serverLatencyMs} ms latency, ${llm.requests} requests each, interleaved):\n` +
      `  app's grading path p50 ${llm.app.p50} ms, p95 ${llm.app.p95} ms vs bare openai client p50 ${llm.bareClient.p50} ms, p95 ${llm.bareClient.p95} ms\n` +
      `  overhead p50 ${llm.overheadMsP50} ms (ratio ${llm.ratioP50}), p95 ${llm.overheadMsP95} ms (ratio ${llm.ratioP95}); fell back offline: ${llm.fellBack}\n`;
  }
  if (page) {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    text +=
      `Interview page (production build${page.built ? ", built first" : ""}; server up in ${(page.startMs / 1000).toFixed(1)} s):\n` +
      `  first-load JavaScript: ${page.scripts.count} scripts, ${kb(page.scripts.transferredBytes)} transferred (${page.scripts.encodings.join(", ")}), ${kb(page.scripts.bytes)} decoded; ` +
      `HTML ${kb(page.html.transferredBytes)} transferred, ${kb(page.html.bytes)} decoded, ${page.inline.count} inline scripts (${kb(page.inline.bytes)})\n` +
      `  response time over ${page.requests} requests: page p50 ${page.page.p50} ms, p95 ${page.page.p95} ms vs /api/health p50 ${page.health.p50} ms, p95 ${page.health.p95} ms: ratio ${page.ratioP50} / ${page.ratioP95}\n`;
  }
  if (search) text += formatSearchTables(search);
  return text;
}

function ingestLine(label: string, rates: IngestRates): string {
  return (
    `  ${label}: ${rates.documents} documents, ${(rates.bytes / 1e6).toFixed(2)} MB, ${rates.extractedQuestions} questions (${rates.questions} after merging)\n` +
    `    ingestion ${rates.ingestMs} ms: ${rates.documentsPerSecond} documents/s, ${rates.questionsPerSecond} questions/s\n` +
    `    parsing alone ${rates.parseOnlyMs} ms: ${rates.parseDocumentsPerSecond} documents/s, ${rates.parseQuestionsPerSecond} questions/s; ratio ${rates.ingestToParseRatio}\n`
  );
}
