import type { Percentiles, SearchBench } from "./bench-search";

/** The search benchmarks as two aligned plain-text tables: loading, then querying. */
export function formatSearchTables(results: SearchBench[]): string {
  if (results.length === 0) return "";
  const load = table(
    ["engine", "chunks", "load chunks/s", "HNSW build s", "build mem", "slice", "no index /s", "with index /s", "ratio"],
    results.map(({ engine, size, load: l }) => [
      engine,
      size.toLocaleString("en"),
      String(l.chunksPerSecond),
      (l.indexBuildMs / 1000).toFixed(1),
      l.indexMemory,
      String(l.sliceChunks),
      String(l.sliceWithoutIndexPerSecond),
      String(l.sliceWithIndexPerSecond),
      `${l.withoutToWithIndexRatio}x`,
    ]),
  );
  const query = table(
    ["engine", "chunks", "queries", "lexical ms", "vector HNSW ms", "vector exact ms", "speedup", "recall@10", "hybrid ms", "hybrid/lexical"],
    results.map((r) => [
      r.engine,
      r.size.toLocaleString("en"),
      String(r.queries),
      pair(r.lexical),
      pair(r.vectorApprox),
      pair(r.vectorExact),
      `${r.approxSpeedup}x`,
      r.recallAt10.toFixed(3),
      pair(r.hybrid) + (r.hybridDegraded ? ` (${r.hybridDegraded} fell back)` : ""),
      `${r.hybridToLexicalRatio}x`,
    ]),
  );
  return (
    "Search at scale (synthetic corpus in the seed documents' vocabulary, clustered 384-dim vectors; throwaway databases):\n" +
    "Loading: the ingestion write path, HNSW index built after the load; the slice is the same rows loaded without and with the index (ratio: how much slower with it).\n" +
    `${load}\n` +
    "Queries, p50 / p95 in ms, interleaved per query: speedup = exact p50 / HNSW p50; recall@10 = HNSW top 10 against exact top 10.\n" +
    `${query}\n`
  );
}

function pair({ p50, p95 }: Percentiles): string {
  return `${p50} / ${p95}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `  ${cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ")}`;
  return [line(header), ...rows.map(line)].join("\n");
}
