import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectModelFolder } from "@/lib/embeddings/model-files";

describe("inspectModelFolder", () => {
  let root: string;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "model-files-"));
    // The real files of three models, as shipped without weights.
    for (const id of ["Xenova/bge-small-en-v1.5", "Xenova/all-MiniLM-L6-v2"]) {
      fs.mkdirSync(path.join(root, id), { recursive: true });
      fs.writeFileSync(path.join(root, id, "config.json"), JSON.stringify({ hidden_size: 384 }));
      fs.writeFileSync(path.join(root, id, "tokenizer.json"), "{}");
    }
    fs.mkdirSync(path.join(root, "Xenova/all-MiniLM-L6-v2/onnx"));
    fs.writeFileSync(path.join(root, "Xenova/all-MiniLM-L6-v2/onnx/model.onnx"), "weights");
    fs.mkdirSync(path.join(root, "acme/cls-model/1_Pooling"), { recursive: true });
    fs.writeFileSync(path.join(root, "acme/cls-model/1_Pooling/config.json"), JSON.stringify({ pooling_mode_cls_token: true }));
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("reports missing weights, the size and BGE's CLS pooling", () => {
    const folder = inspectModelFolder(root, "Xenova/bge-small-en-v1.5", { dtype: "auto", pooling: "auto" });
    expect(folder).toMatchObject({ dtype: null, hasTokenizer: true, hiddenSize: 384, pooling: "cls" });
  });

  it("finds the weights present and mean pooling for MiniLM", () => {
    const folder = inspectModelFolder(root, "Xenova/all-MiniLM-L6-v2", { dtype: "auto", pooling: "auto" });
    expect(folder).toMatchObject({ dtype: "fp32", pooling: "mean" });
    expect(inspectModelFolder(root, "Xenova/all-MiniLM-L6-v2", { dtype: "q8", pooling: "auto" }).dtype).toBeNull();
  });

  it("prefers the pooling recorded by sentence-transformers, then an explicit choice", () => {
    expect(inspectModelFolder(root, "acme/cls-model", { dtype: "auto", pooling: "auto" }).pooling).toBe("cls");
    expect(inspectModelFolder(root, "acme/cls-model", { dtype: "auto", pooling: "mean" }).pooling).toBe("mean");
  });
});
