import type { Embedder } from "./embedder";
import type { Dtype, Pooling } from "./model-files";

export interface TransformersEmbedderOptions {
  /** Folder holding models in the transformers.js layout: `<modelDir>/<modelId>/onnx/*.onnx`. */
  modelDir: string;
  modelId: string;
  dtype: Dtype;
  pooling: Pooling;
  batchSize: number;
  /** Fetch missing files from the Hugging Face hub into modelDir (once). */
  allowDownload: boolean;
}

/**
 * Loads a sentence-embedding model with transformers.js (ONNX Runtime on the CPU) and embeds texts
 * in batches, pooled as the model was trained and normalised to unit length.
 */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const transformers = await import("@huggingface/transformers");
  const { env } = transformers;
  // transformers.js keeps these settings process-wide; this app has one model folder, so that is fine.
  env.localModelPath = ensureTrailingSlash(options.modelDir);
  env.allowLocalModels = true;
  env.allowRemoteModels = options.allowDownload;
  env.cacheDir = options.modelDir;
  const extractor = await transformers.pipeline("feature-extraction", options.modelId, {
    dtype: options.dtype,
    device: "cpu",
  });
  const probe = await extractor(["dimension probe"], { pooling: options.pooling, normalize: true });
  const dims = probe.dims.at(-1) ?? 0;
  let disposed = false;

  return {
    modelId: options.modelId,
    dims,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += options.batchSize) {
        const batch = texts.slice(start, start + options.batchSize);
        const output = await extractor(batch, { pooling: options.pooling, normalize: true });
        const data = output.data as Float32Array;
        for (let row = 0; row < batch.length; row++) {
          vectors.push(data.slice(row * dims, (row + 1) * dims));
        }
      }
      return vectors;
    },
    async close() {
      // Disposing twice throws inside onnxruntime; closing is idempotent here.
      if (disposed) return;
      disposed = true;
      await extractor.dispose();
    },
  };
}

function ensureTrailingSlash(folder: string): string {
  return folder.endsWith("/") ? folder : `${folder}/`;
}
