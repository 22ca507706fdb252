import fs from "node:fs";
import path from "node:path";

export type Dtype = "fp32" | "q8";
export type Pooling = "mean" | "cls";

/** File names transformers.js loads for each dtype, in its local folder layout. */
export const WEIGHT_FILES: Record<Dtype, string> = {
  fp32: "onnx/model.onnx",
  q8: "onnx/model_quantized.onnx",
};

export interface ModelFolder {
  folder: string;
  /** The dtype whose weights are present, or null when the folder has no weights. */
  dtype: Dtype | null;
  hasTokenizer: boolean;
  hiddenSize: number | null;
  pooling: Pooling;
}

/**
 * Inspects a model folder (`<modelDir>/<modelId>`) without loading anything: which weights are
 * there, the embedding size from config.json, and the pooling the model was trained with.
 */
export function inspectModelFolder(
  modelDir: string,
  modelId: string,
  wanted: { dtype: Dtype | "auto"; pooling: Pooling | "auto" },
): ModelFolder {
  // The model folder is chosen at run time: keep Next's output tracing from copying the project.
  const folder = path.join(/*turbopackIgnore: true*/ modelDir, modelId);
  const candidates: Dtype[] = wanted.dtype === "auto" ? ["q8", "fp32"] : [wanted.dtype];
  const dtype = candidates.find((candidate) => isFile(path.join(/*turbopackIgnore: true*/ folder, WEIGHT_FILES[candidate]))) ?? null;
  const config = readJson(path.join(/*turbopackIgnore: true*/ folder, "config.json"));
  const hiddenSize = typeof config?.hidden_size === "number" ? config.hidden_size : null;
  return {
    folder,
    dtype,
    hasTokenizer: isFile(path.join(/*turbopackIgnore: true*/ folder, "tokenizer.json")),
    hiddenSize,
    pooling: wanted.pooling === "auto" ? detectPooling(folder, modelId) : wanted.pooling,
  };
}

/**
 * sentence-transformers records pooling in `1_Pooling/config.json`; transformers.js exports often
 * lack it, and BGE models are the common CLS-pooled family, so the id decides then.
 */
function detectPooling(folder: string, modelId: string): Pooling {
  const pooling = readJson(path.join(/*turbopackIgnore: true*/ folder, "1_Pooling", "config.json"));
  if (pooling?.pooling_mode_cls_token === true) return "cls";
  if (pooling?.pooling_mode_mean_tokens === true) return "mean";
  return /(^|\/)bge-/i.test(modelId) ? "cls" : "mean";
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}
