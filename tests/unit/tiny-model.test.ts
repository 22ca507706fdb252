import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { encodeVarint } from "../fixtures/tiny-model/onnx-protobuf";
import { generateTinyModel, TINY_MODEL_DEFAULTS } from "../fixtures/tiny-model/generate-tiny-model";

// Loading ORT and transformers.js takes a few seconds on a cold worker.
const SLOW = 60_000;

const { modelId, hiddenSize } = TINY_MODEL_DEFAULTS;

describe("onnx-protobuf varints", () => {
  it("encodes the protobuf reference values", () => {
    expect(Array.from(encodeVarint(1))).toEqual([0x01]);
    expect(Array.from(encodeVarint(300))).toEqual([0xac, 0x02]);
    // Negative int64 is sign-extended to 64 bits: always 10 bytes.
    expect(Array.from(encodeVarint(-1))).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  });
});

describe("tiny random BERT fixture", () => {
  let rootDir = "";
  let modelDir = "";

  beforeAll(async () => {
    rootDir = await mkdtemp(path.join(os.tmpdir(), "tiny-model-"));
    modelDir = await generateTinyModel({ rootDir });
  });

  afterAll(async () => {
    if (rootDir) await rm(rootDir, { recursive: true, force: true });
  });

  it("writes the transformers.js local layout deterministically and idempotently", async () => {
    expect(modelDir).toBe(path.join(rootDir, modelId));
    const modelPath = path.join(modelDir, "onnx", "model.onnx");
    const first = await readFile(modelPath);
    const firstMtime = (await stat(modelPath)).mtimeMs;
    // ~30522 * hiddenSize float32 word embeddings dominate the size.
    expect(first.length).toBeGreaterThan(30522 * hiddenSize * 4);

    // Concurrent callers must not corrupt the file, and an unchanged file is not rewritten.
    await Promise.all([generateTinyModel({ rootDir }), generateTinyModel({ rootDir })]);
    expect((await readFile(modelPath)).equals(first)).toBe(true);
    expect((await stat(modelPath)).mtimeMs).toBe(firstMtime);

    // Same seed in another root gives identical bytes; another seed gives different weights.
    const otherRoot = await mkdtemp(path.join(os.tmpdir(), "tiny-model-"));
    try {
      const same = await generateTinyModel({ rootDir: otherRoot, modelId: "test/same" });
      expect((await readFile(path.join(same, "onnx", "model.onnx"))).equals(first)).toBe(true);
      const other = await generateTinyModel({ rootDir: otherRoot, modelId: "test/other", seed: 2 });
      expect((await readFile(path.join(other, "onnx", "model.onnx"))).equals(first)).toBe(false);
    } finally {
      await rm(otherRoot, { recursive: true, force: true });
    }

    const config = JSON.parse(await readFile(path.join(modelDir, "config.json"), "utf8"));
    expect(config).toMatchObject({ model_type: "bert", hidden_size: hiddenSize, vocab_size: 30522 });
  });

  it(
    "runs in onnxruntime-node with zeros at padded positions",
    async () => {
      const ort = await import("onnxruntime-node");
      const session = await ort.InferenceSession.create(path.join(modelDir, "onnx", "model.onnx"));
      expect([...session.inputNames].sort()).toEqual(["attention_mask", "input_ids", "token_type_ids"]);
      expect(session.outputNames).toEqual(["last_hidden_state"]);

      // Row 0 is full length; row 1 is padded after 3 tokens.
      const seqLen = 5;
      const ids = [101, 2054, 2003, 4530, 102, 101, 2054, 102, 0, 0];
      const mask = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
      const int64 = (values: number[]) =>
        new ort.Tensor("int64", BigInt64Array.from(values.map(BigInt)), [2, seqLen]);
      const { last_hidden_state: out } = await session.run({
        input_ids: int64(ids),
        attention_mask: int64(mask),
        token_type_ids: int64(new Array<number>(ids.length).fill(0)),
      });

      expect(out).toBeDefined();
      expect(out!.dims).toEqual([2, seqLen, hiddenSize]);
      const data = out!.data as Float32Array;
      for (let pos = 0; pos < 2 * seqLen; pos++) {
        const row = Array.from(data.subarray(pos * hiddenSize, (pos + 1) * hiddenSize));
        if (mask[pos] === 0) {
          expect(row.every((v) => v === 0)).toBe(true);
        } else {
          expect(row.some((v) => v !== 0)).toBe(true);
          expect(row.every((v) => Math.abs(v) < 1)).toBe(true); // tanh range
        }
      }
      await session.release();
    },
    SLOW,
  );

  it(
    "loads through the transformers.js feature-extraction pipeline",
    async () => {
      const { env, pipeline } = await import("@huggingface/transformers");
      const saved = {
        localModelPath: env.localModelPath,
        allowRemoteModels: env.allowRemoteModels,
        allowLocalModels: env.allowLocalModels,
        useFSCache: env.useFSCache,
      };
      env.localModelPath = rootDir;
      env.allowRemoteModels = false;
      env.allowLocalModels = true;
      // The FS cache is consulted BEFORE localModelPath, keyed by "<modelId>/<file>";
      // a stale entry there would shadow the freshly generated files.
      env.useFSCache = false;
      try {
        const extractor = await pipeline("feature-extraction", modelId, { dtype: "fp32" });

        expect(Array.from(extractor.tokenizer.encode("What is dropout?"))).toEqual([
          101, 2054, 2003, 4530, 5833, 1029, 102,
        ]);

        const texts = ["What is dropout?", "Explain batch normalization in neural networks"];
        const output = await extractor(texts, { pooling: "mean", normalize: true });
        expect(output.dims).toEqual([2, hiddenSize]);
        const rows = output.tolist() as number[][];
        for (const row of rows) {
          expect(row).toHaveLength(hiddenSize);
          expect(Math.hypot(...row)).toBeCloseTo(1, 5);
        }
        expect(rows[0]).not.toEqual(rows[1]);

        // Batching with padding must not change a sentence's embedding.
        const single = (await extractor(texts[0]!, { pooling: "mean", normalize: true })).tolist() as number[][];
        single[0]!.forEach((v, i) => expect(v).toBeCloseTo(rows[0]![i]!, 5));

        const again = (await extractor(texts, { pooling: "mean", normalize: true })).tolist();
        expect(again).toEqual(rows);

        await extractor.dispose();
      } finally {
        Object.assign(env, saved);
      }
    },
    SLOW,
  );
});
