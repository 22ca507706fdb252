import fs from "node:fs";
import type { Embedder } from "@/lib/embeddings";
import { AppError } from "@/lib/errors";
import { indexPassages } from "@/lib/ingest/index-passages";
import { loadMlQuestions, type MlQuestionsSplit } from "@/lib/retrieval/eval/mlquestions";
import { PlainBm25 } from "@/lib/retrieval/eval/plain-bm25";
import { rankingMetrics, type RankingMetrics } from "@/lib/retrieval/eval/ranking-metrics";
import { searchQuestions } from "@/lib/retrieval/search-questions";
import { openScratchDatabase } from "./scratch-database";

export interface MlQuestionsFigures {
  dataset: "mlquestions";
  split: MlQuestionsSplit;
  queries: number;
  passages: number;
  /** Name of the system → its figures: plain BM25 (the baseline), lexical, and hybrid when a model is present. */
  systems: Record<string, RankingMetrics & { ms: number }>;
}

/**
 * MLQuestions retrieval: every question of the split against the distinct passages of
 * test_passages.tsv, indexed in a scratch database through the app's own write path and searched
 * with the app's retriever (lexical tier, and hybrid when a model is present), beside plain BM25
 * (k1 0.9, b 0.4) over the same passages in the same run.
 */
export async function evalMlQuestions({ dir, split, embedder, onProgress }: { dir: string; split: MlQuestionsSplit; embedder: Embedder | null; onProgress?: (done: number, total: number, label: string) => void }): Promise<MlQuestionsFigures> {
  if (!fs.existsSync(dir)) throw new AppError("not_found", `No MLQuestions data at ${dir} (pass --data <folder with test.tsv, dev.tsv, test_passages.tsv>).`);
  const data = await loadMlQuestions({ dir, split });
  const golds = data.queries.map((query) => query.goldPassage);
  const systems: MlQuestionsFigures["systems"] = {};

  let started = performance.now();
  const bm25 = new PlainBm25(data.passages);
  const baseline = data.queries.map((query) => bm25.search(query.question, 20).map((hit) => hit.doc));
  systems["plain BM25"] = { ...rankingMetrics(baseline, golds), ms: performance.now() - started };

  const handle = await openScratchDatabase();
  try {
    onProgress?.(0, data.queries.length, "indexing passages");
    await indexPassages({ db: handle.db, path: `mlquestions/test_passages.tsv`, passages: data.passages, embedder });
    const tiers: [string, Embedder | null][] = [["lexical", null]];
    if (embedder) tiers.push([`hybrid (${embedder.modelId})`, embedder]);
    for (const [name, tierEmbedder] of tiers) {
      started = performance.now();
      const rankings: number[][] = [];
      for (const [index, query] of data.queries.entries()) {
        const response = await searchQuestions({ db: handle.db, query: query.question, embedder: tierEmbedder, k: 20 });
        rankings.push(response.results.map((result) => result.sources[0]!.line - 1));
        if (index % 50 === 49) onProgress?.(index + 1, data.queries.length, name);
      }
      systems[name] = { ...rankingMetrics(rankings, golds), ms: performance.now() - started };
    }
  } finally {
    await handle.close();
  }
  return { dataset: "mlquestions", split, queries: data.queries.length, passages: data.passages.length, systems };
}
