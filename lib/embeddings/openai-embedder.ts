import type { Embedder } from "./embedder";

export interface OpenAIEmbedderOptions {
  apiKey?: string;
  baseURL?: string;
  model: string;
  batchSize: number;
}

/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, Ollama, vLLM, LM Studio).
 * Vectors are normalised here because not every server returns unit-length vectors.
 */
export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const { default: OpenAI } = await import("openai");
  // Local servers accept any key; the client library insists on one.
  const client = new OpenAI({ apiKey: options.apiKey ?? "not-needed", baseURL: options.baseURL, maxRetries: 2 });

  async function embedBatch(batch: readonly string[]): Promise<Float32Array[]> {
    // Ask for floats explicitly: without encoding_format the client requests base64 and decodes
    // whatever comes back as base64, and servers that ignore the parameter (Ollama, LM Studio,
    // LocalAI) return float arrays, which it then silently turns into vectors a quarter as long.
    const response = await client.embeddings.create({ model: options.model, input: [...batch], encoding_format: "float" });
    const ordered = [...response.data].sort((a, b) => a.index - b.index);
    if (ordered.length !== batch.length) {
      throw new Error(`The embeddings endpoint returned ${ordered.length} vectors for ${batch.length} texts.`);
    }
    return ordered.map((item) => normalise(Float32Array.from(item.embedding)));
  }

  const [probe] = await embedBatch(["dimension probe"]);
  const dims = probe?.length ?? 0;
  return {
    modelId: `openai:${options.model}`,
    dims,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += options.batchSize) {
        const batch = await embedBatch(texts.slice(start, start + options.batchSize));
        // A vector of another size cannot be compared with the stored ones: fail loudly instead.
        const wrong = batch.find((vector) => vector.length !== dims);
        if (wrong) throw new Error(`The embeddings endpoint returned a ${wrong.length}-dimensional vector; expected ${dims}.`);
        vectors.push(...batch);
      }
      return vectors;
    },
  };
}

function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}
