/**
 * What every embedding backend offers: texts in, unit-length vectors out (so inner product equals
 * cosine similarity). The model id and dimension are stored with each vector so vectors from
 * different models are never compared.
 */
export interface Embedder {
  /** e.g. `Xenova/bge-small-en-v1.5` or `openai:text-embedding-3-small`. */
  readonly modelId: string;
  readonly dims: number;
  /** Embeds texts in order; batching is the embedder's job. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  close?(): Promise<void>;
}

/** Which retrieval tier is running and, when semantic search is off, why and how to turn it on. */
export type EmbeddingStatus =
  | { tier: "semantic"; modelId: string; dims: number }
  | { tier: "lexical"; notice: string };
