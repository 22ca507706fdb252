import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder, type Embedder, type EmbeddingSettings, type LoadedEmbedder } from "@/lib/embeddings";
import { cosine, fakeEmbedding, startOpenAIServer, type OpenAIServer, type OpenAIServerOptions } from "../fixtures/openai-server";
import { generateTinyModel } from "../fixtures/tiny-model/generate-tiny-model";

/**
 * `loadEmbedder` end to end: transformers.js on a generated tiny BERT (real tokenizer, real ONNX
 * Runtime, random weights), and the real `openai` client against the local test server.
 */

const MODEL_ID = "test/tiny-random-bert";
const CLS_MODEL_ID = "test/tiny-random-bert-cls";
const HIDDEN_SIZE = 24;

const TEXTS = [
  "What is dropout?",
  "Explain batch normalization in deep neural networks and why it helps training converge faster",
  "Gradient descent",
  "How does attention work in a transformer model?",
  "L2 regularisation penalises large weights",
];

// transformers.js keeps `env` process-wide and loadEmbedder's local backend changes it: restore it.
const ENV_KEYS = ["localModelPath", "allowLocalModels", "allowRemoteModels", "cacheDir", "useFSCache"] as const;
let savedEnv: Record<string, unknown> = {};
let rootDir = "";
const opened: Embedder[] = [];
const servers: OpenAIServer[] = [];

beforeAll(async () => {
  const { env } = await import("@huggingface/transformers");
  savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, env[key]]));
  rootDir = await mkdtemp(path.join(os.tmpdir(), "embeddings-test-"));
  await generateTinyModel({ rootDir, modelId: MODEL_ID, hiddenSize: HIDDEN_SIZE });
  // Same seed and size, so the same weights; its sentence-transformers config asks for CLS pooling.
  const clsFolder = await generateTinyModel({ rootDir, modelId: CLS_MODEL_ID, hiddenSize: HIDDEN_SIZE });
  await mkdir(path.join(clsFolder, "1_Pooling"), { recursive: true });
  await writeFile(
    path.join(clsFolder, "1_Pooling", "config.json"),
    JSON.stringify({ word_embedding_dimension: HIDDEN_SIZE, pooling_mode_cls_token: true, pooling_mode_mean_tokens: false }),
  );
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((embedder) => embedder.close?.()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

afterAll(async () => {
  const { env } = await import("@huggingface/transformers");
  Object.assign(env, savedEnv);
  if (rootDir) await rm(rootDir, { recursive: true, force: true });
});

function localSettings(overrides: Partial<EmbeddingSettings> = {}): EmbeddingSettings {
  return {
    backend: "local",
    modelId: MODEL_ID,
    modelDir: rootDir,
    dtype: "fp32",
    pooling: "mean",
    batchSize: 2,
    allowDownload: false,
    openai: { model: "unused" },
    ...overrides,
  };
}

/** The embedder of a semantic result (and remembers to close it). */
function embedderOf(loaded: LoadedEmbedder): Embedder {
  if (loaded.status.tier !== "semantic" || !loaded.embedder) {
    throw new Error(`expected the semantic tier, got: ${JSON.stringify(loaded.status)}`);
  }
  if (!opened.includes(loaded.embedder)) opened.push(loaded.embedder);
  return loaded.embedder;
}

function expectUnitVectors(vectors: Float32Array[], count: number, dims: number): void {
  expect(vectors).toHaveLength(count);
  for (const vector of vectors) {
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector).toHaveLength(dims);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
  }
}

function expectSameVectors(actual: Float32Array[], expected: Float32Array[], tolerance = 1e-5): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((vector, row) => {
    const maxDiff = Math.max(...vector.map((value, i) => Math.abs(value - expected[row]![i]!)));
    expect(maxDiff, `row ${row}`).toBeLessThan(tolerance);
  });
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  return Math.max(...a.map((value, i) => Math.abs(value - b[i]!)));
}

describe("loadEmbedder with the local backend (transformers.js)", () => {
  it("loads the fp32 weights, embeds in small batches exactly as in one batch", async () => {
    const loaded = await loadEmbedder(localSettings({ batchSize: 2 }));
    expect(loaded.status).toEqual({ tier: "semantic", modelId: MODEL_ID, dims: HIDDEN_SIZE });
    const small = await embedderOf(loaded).embed(TEXTS);
    expectUnitVectors(small, TEXTS.length, HIDDEN_SIZE);
    // Distinct texts, distinct vectors: rows were not mixed up or duplicated.
    expect(new Set(small.map((vector) => Array.from(vector).join(","))).size).toBe(TEXTS.length);

    // One batch of five pads the short texts to the longest: padding must not change a vector.
    const large = await embedderOf(await loadEmbedder(localSettings({ batchSize: 32 }))).embed(TEXTS);
    expectSameVectors(small, large);

    // Each text alone (no padding at all) agrees too.
    const single = await embedderOf(await loadEmbedder(localSettings({ batchSize: 1 }))).embed(TEXTS);
    expectSameVectors(single, large);

    expect(await embedderOf(loaded).embed([])).toEqual([]);
  });

  it("finds onnx/model.onnx under dtype auto", async () => {
    const loaded = await loadEmbedder(localSettings({ dtype: "auto" }));
    expect(loaded.status).toEqual({ tier: "semantic", modelId: MODEL_ID, dims: HIDDEN_SIZE });
    const fp32 = await embedderOf(await loadEmbedder(localSettings({ dtype: "fp32" }))).embed(TEXTS);
    expectSameVectors(await embedderOf(loaded).embed(TEXTS), fp32);
  });

  it("pools by mean or CLS as asked, and honours 1_Pooling/config.json under auto", async () => {
    const mean = await embedderOf(await loadEmbedder(localSettings({ pooling: "mean" }))).embed(TEXTS);
    const cls = await embedderOf(await loadEmbedder(localSettings({ pooling: "cls" }))).embed(TEXTS);
    expectUnitVectors(cls, TEXTS.length, HIDDEN_SIZE);
    for (let row = 0; row < TEXTS.length; row++) expect(maxDifference(mean[row]!, cls[row]!)).toBeGreaterThan(1e-3);

    // The CLS model has the same weights but records CLS pooling; its id alone would mean "mean".
    const detected = await loadEmbedder(localSettings({ modelId: CLS_MODEL_ID, pooling: "auto" }));
    expect(detected.status).toEqual({ tier: "semantic", modelId: CLS_MODEL_ID, dims: HIDDEN_SIZE });
    expectSameVectors(await embedderOf(detected).embed(TEXTS), cls);

    // And an explicit choice overrides the recorded one.
    const forcedMean = await loadEmbedder(localSettings({ modelId: CLS_MODEL_ID, pooling: "mean" }));
    expectSameVectors(await embedderOf(forcedMean).embed(TEXTS), mean);
  });

  it("falls back to the lexical tier, naming the model and the expected path, when weights are missing", async () => {
    const emptyRoot = await mkdtemp(path.join(os.tmpdir(), "embeddings-empty-"));
    try {
      const modelId = "acme/missing-model";
      await mkdir(path.join(emptyRoot, modelId), { recursive: true });
      for (const dtype of ["auto", "q8"] as const) {
        const loaded = await loadEmbedder(localSettings({ modelDir: emptyRoot, modelId, dtype }));
        expect(loaded.embedder).toBeNull();
        expect(loaded.status.tier).toBe("lexical");
        const notice = loaded.status.tier === "lexical" ? loaded.status.notice : "";
        expect(notice).toContain(modelId);
        expect(notice).toContain(path.join(emptyRoot, modelId, "onnx", "model_quantized.onnx"));
        expect(notice).toContain(path.join(emptyRoot, modelId, "onnx", "model.onnx"));
        expect(notice).toMatch(/full-text/);
        expect(notice).toContain("To turn it on");
        expect(notice).toContain("EMBEDDINGS=openai");
      }
      // A folder that does not exist at all is the same case.
      const nowhere = await loadEmbedder(localSettings({ modelDir: path.join(emptyRoot, "nope"), modelId }));
      expect(nowhere.status).toMatchObject({ tier: "lexical", notice: expect.stringContaining(path.join(emptyRoot, "nope", modelId)) });
    } finally {
      await rm(emptyRoot, { recursive: true, force: true });
    }
  });

  it("reports the lexical tier for backend none", async () => {
    const loaded = await loadEmbedder(localSettings({ backend: "none" }));
    expect(loaded.embedder).toBeNull();
    expect(loaded.status).toEqual({ tier: "lexical", notice: expect.stringContaining("EMBEDDINGS=none") });
  });
});

describe("loadEmbedder with the openai backend", () => {
  async function start(options?: OpenAIServerOptions): Promise<OpenAIServer> {
    const server = await startOpenAIServer(options);
    servers.push(server);
    return server;
  }

  function openaiSettings(server: { baseURL: string }, overrides: Partial<EmbeddingSettings["openai"]> = {}, batchSize = 2): EmbeddingSettings {
    return localSettings({ backend: "openai", batchSize, openai: { apiKey: "sk-test", baseURL: server.baseURL, model: "test-embed", ...overrides } });
  }

  const expected = (text: string, dims: number) => Float32Array.from(fakeEmbedding(text, dims, { normalize: true }));

  it("embeds in order, normalised, in batches of batchSize, with the server's dimension", async () => {
    const server = await start({ dims: 48, shuffleEmbeddings: true, apiKey: "sk-test" });
    const loaded = await loadEmbedder(openaiSettings(server));
    expect(loaded.status).toEqual({ tier: "semantic", modelId: "openai:test-embed", dims: 48 });
    const embedder = embedderOf(loaded);
    server.requests.length = 0; // forget the dimension probe

    const vectors = await embedder.embed(TEXTS);
    expectUnitVectors(vectors, TEXTS.length, 48);
    // The server returned each batch in reverse: equal vectors prove the client sorts by index.
    expectSameVectors(vectors, TEXTS.map((text) => expected(text, 48)), 1e-6);

    expect(server.requests.map((request) => (request.body as { input: unknown }).input)).toEqual([
      [TEXTS[0], TEXTS[1]],
      [TEXTS[2], TEXTS[3]],
      [TEXTS[4]],
    ]);
    for (const request of server.requests) {
      expect(request).toMatchObject({
        method: "POST",
        path: "/v1/embeddings",
        headers: { authorization: "Bearer sk-test" },
        body: { model: "test-embed", encoding_format: "float" },
      });
    }
    expect(await embedder.embed([])).toEqual([]);
  });

  it("keeps the full dimension when the server ignores encoding_format", async () => {
    // Regression: the client asked for base64 by default and decoded float arrays into vectors a quarter as long.
    const server = await start({ dims: 64, ignoreEncodingFormat: true });
    const loaded = await loadEmbedder(openaiSettings(server));
    expect(loaded.status).toMatchObject({ tier: "semantic", dims: 64 });
    const [vector] = await embedderOf(loaded).embed(["similar texts share words"]);
    expectSameVectors([vector!], [expected("similar texts share words", 64)], 1e-6);
  });

  it("ranks similar texts closer than unrelated ones", async () => {
    const server = await start();
    const embedder = embedderOf(await loadEmbedder(openaiSettings(server)));
    const [query, near, far] = await embedder.embed([
      "what does dropout do in neural networks",
      "dropout in neural networks zeroes activations",
      "the capital of France is Paris",
    ]);
    expect(cosine(query!, near!)).toBeGreaterThan(cosine(query!, far!));
  });

  it("retries a 500 through the client and succeeds", async () => {
    const server = await start();
    const embedder = embedderOf(await loadEmbedder(openaiSettings(server)));
    server.requests.length = 0;
    server.enqueueFault({ status: 500 });
    const vectors = await embedder.embed(["retry me"]);
    expectSameVectors(vectors, [expected("retry me", 64)], 1e-6);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.fault).toEqual({ status: 500 });
    expect(server.requests[1]!.body).toEqual(server.requests[0]!.body);
  });

  it("rejects embed with a clear message when the server returns the wrong number of vectors", async () => {
    const server = await start();
    const embedder = embedderOf(await loadEmbedder(openaiSettings(server)));
    server.enqueueFault({ kind: "wrong-count" });
    await expect(embedder.embed(["one", "two"])).rejects.toThrow("The embeddings endpoint returned 1 vectors for 2 texts.");
  });

  it("falls back to the lexical tier, naming the endpoint, on 401", async () => {
    const server = await start({ apiKey: "sk-right" });
    const loaded = await loadEmbedder(openaiSettings(server, { apiKey: "sk-wrong" }));
    expect(loaded.embedder).toBeNull();
    expect(loaded.status).toMatchObject({ tier: "lexical" });
    const notice = loaded.status.tier === "lexical" ? loaded.status.notice : "";
    expect(notice).toContain(server.baseURL);
    expect(notice).toContain("test-embed");
    expect(notice).toContain("401");
    expect(server.requests).toHaveLength(1); // a 401 is not retried
  });

  it("falls back to the lexical tier when every try fails", async () => {
    const server = await start();
    for (let i = 0; i < 3; i++) server.enqueueFault({ status: 503 });
    const loaded = await loadEmbedder(openaiSettings(server));
    expect(loaded.status).toMatchObject({ tier: "lexical", notice: expect.stringContaining(server.baseURL) });
    expect(server.requests).toHaveLength(3); // the first try and the client's 2 retries
  });

  it("falls back to the lexical tier, naming the endpoint, when nothing listens there", async () => {
    const server = await startOpenAIServer();
    await server.close();
    // The client retries a refused connection twice with its own backoff (about 1.5 s in all).
    const loaded = await loadEmbedder(openaiSettings(server));
    expect(loaded.embedder).toBeNull();
    expect(loaded.status).toMatchObject({ tier: "lexical" });
    const notice = loaded.status.tier === "lexical" ? loaded.status.notice : "";
    expect(notice).toContain(server.baseURL);
    expect(notice).toMatch(/connection/i);
  });
});
