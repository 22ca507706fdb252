import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { listQuestions } from "@/lib/db/queries/questions";
import type { Embedder } from "@/lib/embeddings";
import { ingestDocuments } from "@/lib/ingest/ingest-documents";
import { PlainBm25 } from "@/lib/retrieval/eval/plain-bm25";
import { rankingMetrics, type RankingMetrics } from "@/lib/retrieval/eval/ranking-metrics";
import { searchQuestions } from "@/lib/retrieval/search-questions";
import { openScratchDatabase } from "./scratch-database";

/** The development set: people's paraphrases of questions in content/, each with one gold source. */
export const SEED_PARAPHRASES = "lib/retrieval/eval/seed-paraphrases.jsonl";

const paraphraseSchema = z.object({
  query: z.string().min(1),
  document: z.string().min(1),
  line: z.number().int().positive(),
  style: z.string(),
});
export type Paraphrase = z.infer<typeof paraphraseSchema>;

export interface SeedFigures {
  dataset: "seed";
  queries: number;
  questions: number;
  /** Per system: recall@1, recall@5 (hitAt) and MRR@10, overall and per query style. */
  systems: Record<string, RankingMetrics & { ms: number; byStyle: Record<string, { queries: number; recallAt1: number; mrr: number }> }>;
}

/** Reads and validates the paraphrase set (a malformed line names its number). */
export async function readParaphrases(root: string): Promise<Paraphrase[]> {
  const lines = (await fs.readFile(path.join(root, SEED_PARAPHRASES), "utf8")).split("\n");
  return lines.flatMap((line, index) => {
    if (!line.trim()) return [];
    const parsed = paraphraseSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${SEED_PARAPHRASES}:${index + 1}: ${parsed.error.issues[0]?.message}`);
    return [parsed.data];
  });
}

/**
 * The seed corpus as a person's own documents: content/ ingested into a scratch database, then each
 * paraphrase searched; a result is right when one of its sources is the gold (document, line).
 * Plain BM25 over each canonical question's wording and answer runs beside it.
 */
export async function evalSeedParaphrases({ root, embedder }: { root: string; embedder: Embedder | null }): Promise<SeedFigures> {
  const paraphrases = await readParaphrases(root);
  const handle = await openScratchDatabase();
  try {
    await ingestDocuments({ db: handle.db, embedder, inputs: ["content"], root, maxBytes: 50 * 1024 * 1024 });
    const bank = await listQuestions({ db: handle.db });
    const idOfSource = new Map(bank.flatMap((item) => item.sources.map((source) => [`${source.document}:${source.line}`, item.id] as const)));
    const golds = paraphrases.map((paraphrase) => {
      const id = idOfSource.get(`${paraphrase.document}:${paraphrase.line}`);
      if (!id) throw new Error(`${SEED_PARAPHRASES}: no question stands at ${paraphrase.document}:${paraphrase.line}`);
      return id;
    });
    const systems: SeedFigures["systems"] = {};
    const measure = async (name: string, rank: (query: string) => Promise<string[]>) => {
      const started = performance.now();
      const rankings: string[][] = [];
      for (const paraphrase of paraphrases) rankings.push(await rank(paraphrase.query));
      const metrics = rankingMetrics(rankings, golds, { ks: [1, 5, 10], mrrAt: 10 });
      systems[name] = { ...metrics, ms: performance.now() - started, byStyle: byStyle(paraphrases, metrics.ranks) };
    };

    const bm25 = new PlainBm25(bank.map((item) => `${item.question}\n${item.answer ?? ""}`));
    await measure("plain BM25", async (query) => bm25.search(query, 10).map((hit) => bank[hit.doc]!.id));
    const search = (tierEmbedder: Embedder | null) => async (query: string) =>
      (await searchQuestions({ db: handle.db, query, embedder: tierEmbedder, k: 10 })).results.map((result) => result.questionId);
    await measure("lexical", search(null));
    if (embedder) await measure(`hybrid (${embedder.modelId})`, search(embedder));
    return { dataset: "seed", queries: paraphrases.length, questions: bank.length, systems };
  } finally {
    await handle.close();
  }
}

function byStyle(paraphrases: Paraphrase[], ranks: (number | null)[]) {
  const styles: Record<string, { queries: number; recallAt1: number; mrr: number }> = {};
  paraphrases.forEach((paraphrase, index) => {
    const entry = (styles[paraphrase.style] ??= { queries: 0, recallAt1: 0, mrr: 0 });
    const rank = ranks[index];
    entry.queries++;
    entry.recallAt1 += rank === 1 ? 1 : 0;
    entry.mrr += rank ? 1 / rank : 0;
  });
  for (const entry of Object.values(styles)) {
    entry.recallAt1 /= entry.queries;
    entry.mrr /= entry.queries;
  }
  return styles;
}
