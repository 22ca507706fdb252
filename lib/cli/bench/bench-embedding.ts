import fs from "node:fs/promises";
import type { Embedder } from "@/lib/embeddings";
import type { EmbeddingSettings } from "@/lib/embeddings/load-embedder";
import { inspectModelFolder } from "@/lib/embeddings/model-files";
import { chunkText } from "@/lib/ingest/chunk-text";
import { discoverDocuments } from "@/lib/ingest/discover-documents";
import { parseDocument } from "@/lib/ingest/parse-document";
import { compareMs } from "./measure";

export interface EmbeddingBench {
  modelId: string;
  dims: number;
  texts: number;
  /** Our embedding path (the Embedder the ingestion uses) against a bare transformers.js loop. */
  embedderMs: number;
  bareLoopMs: number;
  overheadRatio: number;
}

/**
 * The cost of the project's embedding path over calling transformers.js directly, on the texts
 * ingestion really embeds (every question and answer chunk of the corpus), same batch size, in the
 * same process, interleaved.
 */
export async function benchEmbedding({
  embedder,
  settings,
  root,
  folder,
  runs,
}: {
  embedder: Embedder;
  settings: EmbeddingSettings;
  root: string;
  folder: string;
  runs: number;
}): Promise<EmbeddingBench> {
  const texts = await corpusChunkTexts(root, folder);
  const { pipeline } = await import("@huggingface/transformers");
  const local = inspectModelFolder(settings.modelDir, settings.modelId, settings);
  const extractor = await pipeline("feature-extraction", settings.modelId, { dtype: local.dtype ?? "fp32", device: "cpu" });
  const bareLoop = async () => {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += settings.batchSize) {
      const batch = texts.slice(start, start + settings.batchSize);
      const output = await extractor(batch, { pooling: local.pooling, normalize: true });
      const data = output.data as Float32Array;
      const dims = output.dims.at(-1)!;
      for (let row = 0; row < batch.length; row++) vectors.push(data.slice(row * dims, (row + 1) * dims));
    }
    return vectors;
  };
  const { a, b, ratio } = await compareMs(runs, () => embedder.embed(texts), bareLoop);
  await extractor.dispose();
  return { modelId: embedder.modelId, dims: embedder.dims, texts: texts.length, embedderMs: a, bareLoopMs: b, overheadRatio: ratio };
}

async function corpusChunkTexts(root: string, folder: string): Promise<string[]> {
  const { documents } = await discoverDocuments([folder], root);
  const texts: string[] = [];
  for (const document of documents) {
    const parsed = await parseDocument(new Uint8Array(await fs.readFile(document.absolutePath)));
    for (const question of parsed.questions) texts.push(question.question, ...chunkText(question.answer ?? ""));
  }
  return texts;
}
