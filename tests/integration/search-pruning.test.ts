import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { searchLexical } from "@/lib/db/queries/search-lexical";
import { indexPassages } from "@/lib/ingest/index-passages";
import { analyzeQuery } from "@/lib/retrieval/analyze-query";
import { searchLexicalPruned } from "@/lib/retrieval/prune-lexical";
import { DEFAULT_SEARCH_SETTINGS as settings } from "@/lib/retrieval/search-settings";
import { testDatabases } from "./support/test-databases";

// Every passage says "network"; a few name rarer things. Pruning must change the work, not the answer.
const RARE = ["dropout", "momentum", "attention", "pooling", "embedding", "tokenizer"];
const passages = Array.from({ length: 300 }, (_, index) => {
  const rare = index % 50 === 0 ? RARE[(index / 50) % RARE.length] : index % 7 === 0 ? "layer" : "weights";
  return `A neural network passage number ${index} about training the network with ${rare} and gradient steps.`;
});

describe.each(testDatabases)("pruned BM25 on $name", ({ open }) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await open();
    await indexPassages({ db: handle.db, path: "pruning/passages.txt", passages, embedder: null });
  });

  afterAll(async () => {
    await handle?.close();
  });

  it.each(["network dropout", "neural network with attention and pooling", "training network layer momentum", "network", "network weights gradient"])(
    "returns exactly what the full search returns for %j",
    async (query) => {
      const analysis = await analyzeQuery({ db: handle.db, query, settings });
      for (const limit of [1, 5, 50]) {
        const options = { db: handle.db, terms: analysis.terms, phrases: analysis.phrases, phraseWeight: settings.phraseWeight, limit, k1: settings.k1, b: settings.b, questionWeight: settings.questionWeight };
        const full = await searchLexical(options);
        const pruned = await searchLexicalPruned({ ...options, pruneFromChunks: 0 });
        expect(pruned.map((hit) => hit.questionId)).toEqual(full.map((hit) => hit.questionId));
        pruned.forEach((hit, index) => expect(hit.score).toBeCloseTo(full[index]!.score, 9));
      }
    },
  );
});
