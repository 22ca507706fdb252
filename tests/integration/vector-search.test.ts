import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { searchVector } from "@/lib/db/queries/search-vector";
import { ensureVectorIndexes } from "@/lib/db/queries/vector-index";
import type { Embedder } from "@/lib/embeddings";
import { indexPassages } from "@/lib/ingest/index-passages";
import { testDatabases } from "./support/test-databases";

// Deterministic, well-spread vectors: each text's hash seeds its own direction.
const hashEmbedder: Embedder = {
  modelId: "test/hash",
  dims: 16,
  async embed(texts) {
    return texts.map((text) => {
      const bytes = createHash("sha256").update(text).digest();
      const vector = Float32Array.from({ length: 16 }, (_, index) => bytes[index]! / 255 - 0.5);
      const norm = Math.hypot(...vector);
      return vector.map((value) => value / norm);
    });
  },
};

describe.each(testDatabases)("approximate vector search on $name", ({ open }) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await open();
    const passages = Array.from({ length: 400 }, (_, index) => `Passage ${index} about gradient number ${index * 7}.`);
    await indexPassages({ db: handle.db, path: "vectors/passages.txt", passages, embedder: hashEmbedder });
    expect(await ensureVectorIndexes({ db: handle.db, minRows: 1 })).toEqual([16]);
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("returns as many neighbours as asked for, beyond the index's default search width of 40", async () => {
    const [query] = await hashEmbedder.embed(["a query"]);
    const approximate = await searchVector({ db: handle.db, embedding: query!, model: hashEmbedder.modelId, limit: 80 });
    const exact = await searchVector({ db: handle.db, embedding: query!, model: hashEmbedder.modelId, limit: 80, exact: true });
    expect(exact).toHaveLength(80);
    expect(approximate).toHaveLength(80);
    const exactIds = new Set(exact.map((hit) => hit.questionId));
    expect(approximate.filter((hit) => exactIds.has(hit.questionId)).length).toBeGreaterThanOrEqual(72);
    expect(approximate[0]!.similarity).toBeGreaterThanOrEqual(approximate[79]!.similarity);
  });
});
