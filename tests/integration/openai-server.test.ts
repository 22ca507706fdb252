import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { cosine, fakeEmbedding, startOpenAIServer, type OpenAIServer, type OpenAIServerOptions } from "../fixtures/openai-server";

/**
 * The test server itself, exercised through the real `openai` client over real HTTP on loopback:
 * if the wire format were off, the client would be the one to complain.
 */

const servers: OpenAIServer[] = [];

async function start(options?: OpenAIServerOptions): Promise<OpenAIServer> {
  const server = await startOpenAIServer(options);
  servers.push(server);
  return server;
}

function clientFor(server: OpenAIServer, options: { apiKey?: string; maxRetries?: number; timeout?: number } = {}): OpenAI {
  return new OpenAI({ apiKey: options.apiKey ?? "sk-test", baseURL: server.baseURL, maxRetries: options.maxRetries ?? 0, timeout: options.timeout });
}

/** Waits (bounded) until the server has seen `count` requests. */
async function untilRequests(server: OpenAIServer, count: number): Promise<void> {
  for (let i = 0; i < 500 && server.requests.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(server.requests.length).toBeGreaterThanOrEqual(count);
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe("OpenAI-compatible test server: embeddings", () => {
  it("listens on loopback and serves deterministic vectors in both encodings", async () => {
    const server = await start();
    expect(server.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const client = clientFor(server);
    const texts = ["What is dropout in neural networks?", "Explain dropout for neural networks", "The capital of France"];

    // The client asks for base64 by default and decodes it.
    const base64 = await client.embeddings.create({ model: "test-embed", input: texts });
    expect(base64).toMatchObject({ object: "list", model: "test-embed", usage: { prompt_tokens: 15, total_tokens: 15 } });
    expect(base64.data.map((item) => item.index)).toEqual([0, 1, 2]);
    base64.data.forEach((item, i) => {
      expect(item.object).toBe("embedding");
      expect(item.embedding).toEqual(fakeEmbedding(texts[i]!, 64)); // small integers survive float32 exactly
    });

    const floats = await client.embeddings.create({ model: "test-embed", input: texts[0]!, encoding_format: "float" });
    expect(floats.data).toHaveLength(1);
    expect(floats.data[0]!.embedding).toEqual(fakeEmbedding(texts[0]!, 64));

    // Shared words make similar texts similar.
    const [a, b, c] = base64.data.map((item) => item.embedding);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!));
    expect(cosine(a!, b!)).toBeGreaterThan(0.4);

    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      path: "/v1/embeddings",
      headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
      body: { model: "test-embed", input: texts, encoding_format: "base64" },
    });
    expect(server.requests[1]!.body).toMatchObject({ input: texts[0], encoding_format: "float" });
  });

  it("honours dimensions and normalisation, and can shuffle the order of data", async () => {
    const server = await start({ dims: 8, shuffleEmbeddings: true, normalizeEmbeddings: true });
    const client = clientFor(server);
    const response = await client.embeddings.create({ model: "m", input: ["one", "two", "three"], encoding_format: "float" });
    expect(response.data.map((item) => item.index)).toEqual([2, 1, 0]);
    for (const item of response.data) {
      expect(item.embedding).toHaveLength(8);
      expect(Math.hypot(...item.embedding)).toBeCloseTo(1, 6);
    }
    const sized = await client.embeddings.create({ model: "m", input: "one", dimensions: 5, encoding_format: "float" });
    expect(sized.data[0]!.embedding).toHaveLength(5);
  });

  it("can ignore encoding_format like some compatible servers do", async () => {
    const server = await start({ ignoreEncodingFormat: true });
    const response = await fetch(`${server.baseURL}/embeddings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "m", input: "hello", encoding_format: "base64" }),
    });
    const body = (await response.json()) as { data: { embedding: unknown }[] };
    expect(body.data[0]!.embedding).toEqual(fakeEmbedding("hello", 64));
  });

  it("rejects invalid input in OpenAI's error shape", async () => {
    const server = await start();
    const client = clientFor(server);
    const error = await client.embeddings.create({ model: "m", input: [] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ type: "invalid_request_error", param: "input" });
  });
});

describe("OpenAI-compatible test server: chat completions", () => {
  const recordings: OpenAIServerOptions["recordings"] = [
    { match: "dropout", reply: "Dropout randomly zeroes activations during training." },
    { match: /grade (this|the) answer/i, reply: { score: 4, feedback: "Mostly right." } },
  ];

  it("answers from the recording as a chat.completion", async () => {
    const server = await start({ recordings });
    const client = clientFor(server);
    const completion = await client.chat.completions.create({
      model: "gpt-test",
      messages: [
        { role: "system", content: "You are an interviewer." },
        { role: "user", content: "What is DROPOUT?" },
      ],
    });
    expect(completion).toMatchObject({
      object: "chat.completion",
      model: "gpt-test",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Dropout randomly zeroes activations during training." },
          finish_reason: "stop",
        },
      ],
      usage: { prompt_tokens: 7, completion_tokens: 6, total_tokens: 13 },
    });
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(Number.isInteger(completion.created)).toBe(true);

    // Objects are sent as JSON text; content-part arrays are matched by their text.
    const graded = await client.chat.completions.create({
      model: "gpt-test",
      messages: [{ role: "user", content: [{ type: "text", text: "Please grade this answer: ..." }] }],
      response_format: { type: "json_object" },
    });
    expect(JSON.parse(graded.choices[0]!.message.content!)).toEqual({ score: 4, feedback: "Mostly right." });
    expect(server.requests[1]).toMatchObject({ path: "/v1/chat/completions", body: { response_format: { type: "json_object" } } });
  });

  it("streams the reply as SSE chunks that the client reassembles", async () => {
    const server = await start({ recordings });
    const client = clientFor(server);
    const stream = await client.chat.completions.create({
      model: "gpt-test",
      messages: [{ role: "user", content: "Tell me about dropout" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const pieces: string[] = [];
    const finishReasons: (string | null)[] = [];
    let role: string | undefined;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe("chat.completion.chunk");
      role ??= chunk.choices[0]?.delta.role;
      if (chunk.choices[0]?.delta.content) pieces.push(chunk.choices[0].delta.content);
      if (chunk.choices[0]) finishReasons.push(chunk.choices[0].finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(role).toBe("assistant");
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe("Dropout randomly zeroes activations during training.");
    expect(finishReasons.at(-1)).toBe("stop");
    expect(finishReasons.slice(0, -1).every((reason) => reason === null)).toBe(true);
    expect(usage).toMatchObject({ completion_tokens: 6 });
  });

  it("serves stream-only, one-shot and later-added recordings, and 404s an unknown prompt", async () => {
    const server = await start({
      recordings: [
        { match: "hello", reply: "streamed hello", stream: true },
        { match: "hello", reply: "first hello", once: true },
        { match: "hello", reply: "any hello" },
      ],
    });
    const client = clientFor(server);
    const ask = async (content: string) =>
      (await client.chat.completions.create({ model: "m", messages: [{ role: "user", content }] })).choices[0]!.message.content;

    expect(await ask("hello")).toBe("first hello");
    expect(await ask("hello")).toBe("any hello");

    const stream = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "hello" }], stream: true });
    let streamed = "";
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? "";
    expect(streamed).toBe("streamed hello");

    const error = await ask("something else").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe("no_recording");
    expect((error as Error).message).toContain("something else");

    server.addRecording({ match: "something", reply: "now recorded" });
    expect(await ask("something else")).toBe("now recorded");
  });

  it("falls back to a default reply when configured", async () => {
    const server = await start({ defaultReply: "default" });
    const completion = await clientFor(server).chat.completions.create({ model: "m", messages: [{ role: "user", content: "?" }] });
    expect(completion.choices[0]!.message.content).toBe("default");
  });
});

describe("OpenAI-compatible test server: auth and faults", () => {
  it("answers 401 without the right API key", async () => {
    const server = await start({ apiKey: "sk-right", defaultReply: "ok" });
    const error = await clientFor(server, { apiKey: "sk-wrong" })
      .embeddings.create({ model: "m", input: "x" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe("invalid_api_key");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-wrong");

    const response = await fetch(`${server.baseURL}/models`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error", code: "invalid_api_key" } });

    const models = await clientFor(server, { apiKey: "sk-right" }).models.list();
    expect(models.data.map((model) => model.id)).toEqual(["test-model"]);
  });

  it("serves an injected 500 and 429, which the client retries to success", async () => {
    const server = await start();
    server.enqueueFault({ status: 500 });
    server.enqueueFault({ status: 429 });
    const client = clientFor(server, { maxRetries: 2 });
    const response = await client.embeddings.create({ model: "m", input: "retry me", encoding_format: "float" });
    expect(response.data[0]!.embedding).toEqual(fakeEmbedding("retry me", 64));
    expect(server.requests.map((request) => request.fault)).toEqual([{ status: 500 }, { status: 429 }, undefined]);
    expect(server.requests.map((request) => request.headers["x-stainless-retry-count"])).toEqual(["0", "1", "2"]);
    expect(server.pendingFaults()).toEqual([]);
  });

  it("gives up after maxRetries with the fault's status and body", async () => {
    const server = await start();
    server.enqueueFault({ status: 503, body: { error: { message: "overloaded", type: "server_error", param: null, code: "busy" } } });
    const error = await clientFor(server, { maxRetries: 0 })
      .embeddings.create({ model: "m", input: "x" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status: 503, code: "busy" });
    expect((error as Error).message).toContain("overloaded");
  });

  it("sends retry-after headers as asked", async () => {
    const server = await start();
    server.enqueueFault({ status: 429, retryAfter: 7 });
    server.enqueueFault({ status: 503, retryAfterMs: null });
    const first = await fetch(`${server.baseURL}/models`);
    expect([first.status, first.headers.get("retry-after"), first.headers.get("retry-after-ms")]).toEqual([429, "7", null]);
    const second = await fetch(`${server.baseURL}/models`);
    expect([second.status, second.headers.get("retry-after"), second.headers.get("retry-after-ms")]).toEqual([503, null, null]);
  });

  it("targets faults by path and applies wrong-count to embeddings only", async () => {
    const server = await start({ defaultReply: "fine" });
    server.enqueueFault({ kind: "wrong-count" });
    server.enqueueFault({ status: 500, path: "/v1/embeddings" });
    const client = clientFor(server);
    // The chat request consumes neither fault.
    expect((await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "hi" }] })).choices[0]!.message.content).toBe("fine");
    const short = await client.embeddings.create({ model: "m", input: ["a", "b", "c"] });
    expect(short.data).toHaveLength(2);
    await expect(client.embeddings.create({ model: "m", input: "a" })).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    expect(server.requests.map((request) => [request.path, request.fault])).toEqual([
      ["/v1/chat/completions", undefined],
      ["/v1/embeddings", { kind: "wrong-count" }],
      ["/v1/embeddings", { status: 500, path: "/v1/embeddings" }],
    ]);
  });

  it("answers malformed JSON, which the client cannot parse", async () => {
    const server = await start();
    server.enqueueFault({ kind: "malformed-json" });
    await expect(clientFor(server).embeddings.create({ model: "m", input: "x" })).rejects.toThrow(/JSON/);
  });

  it("drops the connection before a response (retried) and mid-body (not retried)", async () => {
    const server = await start({ defaultReply: "a reply long enough to be cut in the middle of its stream" });
    server.enqueueFault({ kind: "drop", when: "before-response" });
    const client = clientFor(server, { maxRetries: 1 });
    const retried = await client.embeddings.create({ model: "m", input: "x", encoding_format: "float" });
    expect(retried.data).toHaveLength(1);
    expect(server.requests).toHaveLength(2);

    server.enqueueFault({ kind: "drop" });
    await expect(client.embeddings.create({ model: "m", input: "x" })).rejects.toThrow();
    expect(server.requests).toHaveLength(3); // a broken body is not retried

    server.enqueueFault({ kind: "drop" });
    const stream = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "go" }], stream: true });
    let received = "";
    const consume = async () => {
      for await (const chunk of stream) received += chunk.choices[0]?.delta.content ?? "";
    };
    await expect(consume()).rejects.toThrow();
    expect("a reply long enough to be cut in the middle of its stream".startsWith(received)).toBe(true);
    expect(received.length).toBeLessThan("a reply long enough to be cut in the middle of its stream".length);
  });

  it("hangs before answering; a client timeout or close() ends the hang", async () => {
    const server = await start({ defaultReply: "late" });
    server.enqueueFault({ kind: "hang", ms: 1 });
    const client = clientFor(server);
    const late = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] });
    expect(late.choices[0]!.message.content).toBe("late");

    server.enqueueFault({ kind: "hang", ms: 20_000 });
    await expect(
      clientFor(server, { timeout: 200 }).chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] }),
    ).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);

    server.enqueueFault({ kind: "hang", ms: 20_000 });
    const pending = client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] });
    const settled = pending.then(
      () => "resolved",
      (error: unknown) => error,
    );
    await untilRequests(server, 3);
    await server.close();
    expect(await settled).toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it("404s unknown paths in OpenAI's error shape", async () => {
    const server = await start();
    const response = await fetch(`${server.baseURL}/nope`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { message: "Unknown request URL: POST /v1/nope.", type: "invalid_request_error", param: null, code: "unknown_url" },
    });
  });
});
