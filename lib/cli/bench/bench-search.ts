import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { searchVector } from "@/lib/db/queries/search-vector";
import { ensureVectorIndexes } from "@/lib/db/queries/vector-index";
import type { Embedder } from "@/lib/embeddings";
import { indexPassages } from "@/lib/ingest/index-passages";
import { searchQuestions } from "@/lib/retrieval/search-questions";
import { stripSpokenFillers } from "@/lib/retrieval/spoken-query";
import { defaultIndexMemory, openBenchDatabase, type BenchEngine } from "./bench-databases";
import { percentiles, round, type Percentiles } from "./measure";

export type { Percentiles };
import { createSyntheticCorpus } from "./synthetic-corpus";

export interface SearchBenchCase {
  engine: BenchEngine;
  size: number;
}

export interface SearchBench extends SearchBenchCase {
  queries: number;
  load: {
    /** The write path (indexPassages: one transaction per document of ≤10k passages), no HNSW index yet. */
    chunks: number;
    ms: number;
    chunksPerSecond: number;
    /** Building the HNSW index once after the load, with `maintenance_work_mem` at `indexMemory`. */
    indexBuildMs: number;
    indexMemory: string;
    /** The last passages, loaded as their own document during the bulk load and again once the index exists. */
    sliceChunks: number;
    sliceWithoutIndexPerSecond: number;
    sliceWithIndexPerSecond: number;
    /** How many times faster loading is without the index: why bulk loads build it afterwards. */
    withoutToWithIndexRatio: number;
  };
  lexical: Percentiles;
  vectorApprox: Percentiles;
  vectorExact: Percentiles;
  /** Exact p50 over approximate p50: what the HNSW index buys. */
  approxSpeedup: number;
  /** Mean share of the exact top 10 questions that the approximate search also returns. */
  recallAt10: number;
  hybrid: Percentiles;
  hybridToLexicalRatio: number;
  /** Hybrid searches that fell back to the lexical tier (should be 0). */
  hybridDegraded: number;
  totalMs: number;
}

const DOCUMENT_PASSAGES = 10_000;
const SLICE = 2000;
const WARMUP = 10;

/**
 * Search at scale on a synthetic corpus (see synthetic-corpus.ts) in a throwaway database: the
 * load rate of the real write path, the HNSW build, then interleaved queries (each query runs
 * lexical, approximate vector, exact vector and hybrid search, in a rotating order so caches favour
 * none): p50/p95 of each, the approximate index's speedup and its recall@10 against exact search.
 */
export async function benchSearch(options: SearchBenchCase & { queries: number; vocabulary: readonly string[]; adminUrl?: string; indexMemory?: string; log: (line: string) => void }): Promise<SearchBench> {
  const { engine, size, vocabulary, log } = options;
  const started = performance.now();
  const label = `${engine} ${size.toLocaleString("en")}`;
  const corpus = createSyntheticCorpus({ vocabulary, size });
  const embedder = new SyntheticEmbedder(corpus.dims);
  const handle = await openBenchDatabase({ engine, adminUrl: options.adminUrl });
  try {
    const { db } = handle;
    const load = async (start: number, count: number, path: string) => {
      const slice = corpus.slice(start, count);
      embedder.remember(slice.texts, slice.vectors);
      const begun = performance.now();
      await indexPassages({ db, path, passages: slice.texts, embedder });
      const ms = performance.now() - begun;
      embedder.forget();
      return ms;
    };

    const slice = Math.min(SLICE, Math.floor(size / 5));
    const bulkEnd = size - slice;
    let loadMs = 0;
    for (let start = 0; start < bulkEnd; start += DOCUMENT_PASSAGES) {
      loadMs += await load(start, Math.min(DOCUMENT_PASSAGES, bulkEnd - start), `bench/synthetic-${start}.txt`);
      log(`${label}: loaded ${Math.min(start + DOCUMENT_PASSAGES, bulkEnd)} passages (${rate(Math.min(start + DOCUMENT_PASSAGES, bulkEnd), loadMs)}/s)`);
    }
    const sliceWithoutMs = await load(bulkEnd, slice, `bench/synthetic-${bulkEnd}.txt`);
    loadMs += sliceWithoutMs;
    // What autovacuum would soon do on PostgreSQL; PGlite never does it on its own.
    await db.execute(sql`analyze`);

    const indexMemory = options.indexMemory ?? defaultIndexMemory(engine, size, corpus.dims);
    log(`${label}: building the HNSW index (maintenance_work_mem ${indexMemory})...`);
    let begun = performance.now();
    const built = await db.transaction(async (tx) => {
      if (indexMemory !== "default") await tx.execute(sql.raw(`set local maintenance_work_mem = '${indexMemory}'`));
      return ensureVectorIndexes({ db: tx as unknown as Database, minRows: 1 });
    });
    const indexBuildMs = performance.now() - begun;
    if (!built.includes(corpus.dims)) throw new Error(`No HNSW index was built for ${corpus.dims} dimensions.`);

    const queries = corpus.queries(options.queries + WARMUP);
    // Hybrid search embeds the query without its spoken fillers ("yes", "so"): both wordings map to its vector.
    for (const query of queries) embedder.remember([query.text, stripSpokenFillers(query.text)], [query.vector, query.vector]);
    const times = { lexical: [] as number[], approx: [] as number[], exact: [] as number[], hybrid: [] as number[] };
    let recallSum = 0;
    let hybridDegraded = 0;
    for (const [index, query] of queries.entries()) {
      let approx: string[] = [];
      let exact: string[] = [];
      const vector = (exactSearch: boolean) => searchVector({ db, embedding: query.vector, model: embedder.modelId, limit: 10, exact: exactSearch });
      const operations: [keyof typeof times, () => Promise<unknown>][] = [
        ["lexical", () => searchQuestions({ db, query: query.text, embedder: null, k: 10 })],
        ["approx", async () => (approx = (await vector(false)).map((hit) => hit.questionId))],
        ["exact", async () => (exact = (await vector(true)).map((hit) => hit.questionId))],
        ["hybrid", async () => (hybridDegraded += (await searchQuestions({ db, query: query.text, embedder, k: 10 })).tier === "hybrid" ? 0 : 1)],
      ];
      for (let turn = 0; turn < operations.length; turn++) {
        const [name, operation] = operations[(index + turn) % operations.length]!;
        begun = performance.now();
        await operation();
        if (index >= WARMUP) times[name].push(performance.now() - begun);
      }
      if (index >= WARMUP) recallSum += exact.length === 0 ? 1 : exact.filter((id) => approx.includes(id)).length / exact.length;
      if ((index + 1) % 50 === 0) log(`${label}: ${index + 1}/${queries.length} queries`);
    }

    const sliceWithMs = await load(bulkEnd, slice, "bench/synthetic-again-with-index.txt");
    const measured = options.queries;
    const [lexical, vectorApprox, vectorExact, hybrid] = [times.lexical, times.approx, times.exact, times.hybrid].map(percentiles) as [Percentiles, Percentiles, Percentiles, Percentiles];
    return {
      engine,
      size,
      queries: measured,
      load: {
        chunks: size,
        ms: round(loadMs),
        chunksPerSecond: rate(size, loadMs),
        indexBuildMs: round(indexBuildMs),
        indexMemory,
        sliceChunks: slice,
        sliceWithoutIndexPerSecond: rate(slice, sliceWithoutMs),
        sliceWithIndexPerSecond: rate(slice, sliceWithMs),
        withoutToWithIndexRatio: round(sliceWithMs / sliceWithoutMs, 2),
      },
      lexical,
      vectorApprox,
      vectorExact,
      approxSpeedup: round(vectorExact.p50 / vectorApprox.p50, 2),
      recallAt10: round(recallSum / measured, 3),
      hybrid,
      hybridToLexicalRatio: round(hybrid.p50 / lexical.p50, 2),
      hybridDegraded,
      totalMs: round(performance.now() - started),
    };
  } finally {
    await handle.close();
  }
}

/**
 * Bench-only embedder: hands back the synthetic vectors registered for each text. No model weights
 * can be downloaded on the machines this runs on, and the model's own cost is the embedding bench's
 * subject; this bench measures the database's side of search.
 */
class SyntheticEmbedder implements Embedder {
  readonly modelId = "bench/synthetic-clustered";
  private readonly vectors = new Map<string, Float32Array>();
  constructor(readonly dims: number) {}

  remember(texts: readonly string[], vectors: readonly Float32Array[]): void {
    texts.forEach((text, index) => this.vectors.set(text, vectors[index]!));
  }

  forget(): void {
    this.vectors.clear();
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => {
      const vector = this.vectors.get(text);
      if (!vector) throw new Error(`No synthetic vector for "${text.slice(0, 40)}"`);
      return vector;
    });
  }
}

function rate(chunks: number, ms: number): number {
  return Math.round((chunks / ms) * 1000);
}
