import path from "node:path";
import type { Embedder, EmbeddingStatus } from "./embedder";
import { inspectModelFolder, WEIGHT_FILES, type Dtype, type Pooling } from "./model-files";
import { createOpenAIEmbedder } from "./openai-embedder";
import { createTransformersEmbedder } from "./transformers-embedder";

export interface EmbeddingSettings {
  backend: "local" | "openai" | "none";
  modelId: string;
  modelDir: string;
  dtype: Dtype | "auto";
  pooling: Pooling | "auto";
  batchSize: number;
  allowDownload: boolean;
  openai: { apiKey?: string; baseURL?: string; model: string };
}

export interface LoadedEmbedder {
  embedder: Embedder | null;
  status: EmbeddingStatus;
}

const HOW_TO_ENABLE =
  "To turn it on, put the model's ONNX weights in the model folder (see the README, 'Embedding models'), " +
  "or set EMBEDDINGS=openai with OPENAI_BASE_URL/OPENAI_API_KEY for an OpenAI-compatible embeddings endpoint.";

/**
 * Loads the configured embedder, or explains why semantic search is off. Never throws for a missing
 * or broken model: the app then runs on its lexical (full-text) tier and says so.
 */
export async function loadEmbedder(settings: EmbeddingSettings): Promise<LoadedEmbedder> {
  if (settings.backend === "none") {
    return lexical("Semantic search is off (EMBEDDINGS=none): search and grading use full-text matching only.");
  }
  if (settings.backend === "openai") {
    try {
      const embedder = await createOpenAIEmbedder({ ...settings.openai, batchSize: settings.batchSize });
      return semantic(embedder);
    } catch (error) {
      return lexical(
        `Semantic search is off: the embeddings endpoint (${settings.openai.baseURL ?? "OpenAI"}, model ` +
          `${settings.openai.model}) failed: ${messageOf(error)}. Search and grading use full-text matching.`,
      );
    }
  }

  const folder = inspectModelFolder(settings.modelDir, settings.modelId, settings);
  if (!folder.dtype && !settings.allowDownload) {
    const expected = Object.values(WEIGHT_FILES)
      .map((file) => path.join(folder.folder, file))
      .join(" or ");
    return lexical(
      `Semantic search is off: no weights for the embedding model ${settings.modelId} at ${expected}. ` +
        `Search and grading use full-text matching. ${HOW_TO_ENABLE}`,
    );
  }
  try {
    const embedder = await createTransformersEmbedder({
      modelDir: settings.modelDir,
      modelId: settings.modelId,
      dtype: folder.dtype ?? (settings.dtype === "auto" ? "q8" : settings.dtype),
      pooling: folder.pooling,
      batchSize: settings.batchSize,
      allowDownload: settings.allowDownload,
    });
    return semantic(embedder);
  } catch (error) {
    const where = folder.dtype ? `from ${folder.folder}` : `(no weights in ${folder.folder}; the download failed too)`;
    return lexical(
      `Semantic search is off: the embedding model ${settings.modelId} could not be loaded ${where}: ` +
        `${messageOf(error)}. Search and grading use full-text matching. ${HOW_TO_ENABLE}`,
    );
  }
}

function semantic(embedder: Embedder): LoadedEmbedder {
  return { embedder, status: { tier: "semantic", modelId: embedder.modelId, dims: embedder.dims } };
}

function lexical(notice: string): LoadedEmbedder {
  return { embedder: null, status: { tier: "lexical", notice } };
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 300);
}
