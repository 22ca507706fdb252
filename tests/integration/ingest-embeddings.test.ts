import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { chunks, documents } from "@/lib/db/schema";
import { loadEmbedder, type Embedder } from "@/lib/embeddings";
import { ingestDocuments } from "@/lib/ingest/ingest-documents";
import { generateTinyModel } from "../fixtures/tiny-model/generate-tiny-model";
import { testDatabases } from "./support/test-databases";

// The tiny random-weight model exercises the real embedding path; its vectors mean nothing.
describe.each(testDatabases)("ingestion with an embedding model on $name", ({ open }) => {
  let handle: DatabaseHandle;
  let root: string;
  let embedder: Embedder;

  beforeAll(async () => {
    handle = await open();
    root = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-embed-"));
    fs.mkdirSync(path.join(root, "notes"));
    fs.writeFileSync(path.join(root, "notes/a.md"), "## 1. What is dropout?\nDropout randomly zeroes activations.\n\n## 2. What is ReLU?\n");
    const modelDir = path.join(root, "models");
    await generateTinyModel({ rootDir: modelDir, hiddenSize: 16 });
    const loaded = await loadEmbedder({
      backend: "local", modelId: "test/tiny-random-bert", modelDir, dtype: "auto", pooling: "auto",
      batchSize: 4, allowDownload: false, openai: { model: "unused" },
    });
    embedder = loaded.embedder!;
  });

  afterAll(async () => {
    await embedder?.close?.();
    await handle?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const ingest = (withEmbedder: Embedder | null) =>
    ingestDocuments({ db: handle.db, embedder: withEmbedder, inputs: ["notes"], root, maxBytes: 1 << 20 });

  it("stores a unit vector with its model and dimension on every chunk", async () => {
    await ingest(embedder);
    const rows = await handle.db.select().from(chunks);
    expect(rows.length).toBe(3); // two questions, one answer
    for (const row of rows) {
      expect(row).toMatchObject({ embeddingModel: "test/tiny-random-bert", embeddingDims: 16 });
      const norm = Math.hypot(...row.embedding!);
      expect(norm).toBeCloseTo(1, 4);
    }
    const [document] = await handle.db.select().from(documents);
    expect(document?.embeddingModel).toBe("test/tiny-random-bert");
    // The vectors are usable by pgvector: the question is nearest to itself.
    const [question] = rows.filter((row) => row.text === "What is dropout?");
    const nearest = await handle.db.execute(
      sql`select text from chunks order by embedding <=> ${`[${question!.embedding!.join(",")}]`}::vector limit 1`,
    );
    const first = Array.isArray(nearest) ? nearest[0] : (nearest as { rows: unknown[] }).rows[0];
    expect(first).toMatchObject({ text: "What is dropout?" });
  });

  it("keeps the stored vectors when the model is unavailable, and skips unchanged documents", async () => {
    const summary = await ingest(null);
    expect(summary.skipped).toBe(1);
    expect(await handle.db.select().from(chunks).where(isNotNull(chunks.embedding))).toHaveLength(3);
  });

  it("re-embeds unchanged documents when another model is configured", async () => {
    const modelDir = path.join(root, "models");
    await generateTinyModel({ rootDir: modelDir, modelId: "test/tiny-other", hiddenSize: 8, seed: 7 });
    const loaded = await loadEmbedder({
      backend: "local", modelId: "test/tiny-other", modelDir, dtype: "auto", pooling: "auto",
      batchSize: 4, allowDownload: false, openai: { model: "unused" },
    });
    try {
      const summary = await ingest(loaded.embedder);
      expect(summary.skipped).toBe(0);
      const rows = await handle.db.select({ model: chunks.embeddingModel, dims: chunks.embeddingDims }).from(chunks);
      expect(rows.every((row) => row.model === "test/tiny-other" && row.dims === 8)).toBe(true);
    } finally {
      await loaded.embedder?.close?.();
    }
  });
});
