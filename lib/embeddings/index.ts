import { getEnv } from "@/lib/env";
import { loadEmbedder, type EmbeddingSettings, type LoadedEmbedder } from "./load-embedder";

export type { Embedder, EmbeddingStatus } from "./embedder";
export { loadEmbedder, type EmbeddingSettings, type LoadedEmbedder } from "./load-embedder";

const cache = globalThis as unknown as { __coachEmbedder?: Promise<LoadedEmbedder> };

/**
 * The process-wide embedder from the configuration, loaded once (a model load takes seconds and
 * hundreds of MB): cached on globalThis so development reloads reuse it.
 */
export function getEmbedder(): Promise<LoadedEmbedder> {
  cache.__coachEmbedder ??= loadEmbedder(getEmbeddingSettings());
  return cache.__coachEmbedder;
}

/** The embedding settings of this process's configuration. */
export function getEmbeddingSettings(): EmbeddingSettings {
  const env = getEnv();
  return {
    backend: env.EMBEDDINGS,
    modelId: env.EMBEDDING_MODEL,
    modelDir: env.embeddingModelDir,
    dtype: env.EMBEDDING_DTYPE,
    pooling: env.EMBEDDING_POOLING,
    batchSize: env.EMBEDDING_BATCH_SIZE,
    allowDownload: env.EMBEDDING_ALLOW_DOWNLOAD,
    openai: { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_EMBEDDING_MODEL },
  };
}

/** Frees the process-wide embedder (e.g. after start-up ingestion, before serving). */
export async function releaseEmbedder(): Promise<void> {
  const pending = cache.__coachEmbedder;
  cache.__coachEmbedder = undefined;
  if (pending) await (await pending).embedder?.close?.();
}
