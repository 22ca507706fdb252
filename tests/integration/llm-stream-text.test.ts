import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLlmClient, LlmError, streamText, type LlmAttempt, type StreamTextOptions, type StreamTextSummary } from "@/lib/llm";
import { startOpenAIServer, type OpenAIServer, type OpenAIServerOptions } from "../fixtures/openai-server";

/**
 * streamText end to end: the real `openai` client over real HTTP against the local test server's
 * SSE streams and injected faults. Timeouts are small; nothing asserts on durations.
 */

const servers: OpenAIServer[] = [];
const REPLY = "Good. Now tell me how dropout behaves at inference time, and why the activations are scaled.";

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: OpenAIServerOptions = { defaultReply: REPLY }): Promise<OpenAIServer> {
  const server = await startOpenAIServer(options);
  servers.push(server);
  return server;
}

function stream(server: OpenAIServer, overrides: Partial<StreamTextOptions> = {}) {
  return streamText({
    client: createLlmClient({ apiKey: "sk-test", baseURL: server.baseURL, model: "test-model", timeoutMs: 5000, maxAttempts: 3 }),
    model: "test-model",
    messages: [{ role: "user", content: "Ask me the next question about dropout." }],
    timeoutMs: 5000,
    retryDelays: { baseMs: 5, maxMs: 20 },
    ...overrides,
  });
}

interface Collected {
  deltas: string[];
  summary?: StreamTextSummary;
  error?: LlmError;
}

/** Reads the whole stream, keeping the deltas that arrived before any error. */
async function collect(iterator: AsyncGenerator<string, StreamTextSummary>): Promise<Collected> {
  const deltas: string[] = [];
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return { deltas, summary: next.value };
      deltas.push(next.value);
    }
  } catch (caught) {
    expect(caught).toBeInstanceOf(LlmError);
    return { deltas, error: caught as LlmError };
  }
}

describe("streamText", () => {
  it("yields the recorded reply as several text deltas and returns how it ended", async () => {
    const server = await start();
    const { deltas, summary, error } = await collect(stream(server, { temperature: 0.7 }));
    expect(error).toBeUndefined();
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(REPLY);
    expect(summary).toEqual({ model: "test-model", finishReason: "stop", attempts: 1 });
    expect(server.requests[0]!.body).toMatchObject({ stream: true, temperature: 0.7, model: "test-model" });
  });

  it("reports a reply cut off at the token limit", async () => {
    const server = await start({ recordings: [{ reply: REPLY, finishReason: "length" }] });
    expect((await collect(stream(server))).summary?.finishReason).toBe("length");
  });

  it("errors with timeout when the stream stalls mid-way, after the text that did arrive", async () => {
    const server = await start();
    server.enqueueFault({ kind: "stall", ms: 20_000 });
    const { deltas, error } = await collect(stream(server, { idleTimeoutMs: 300 }));
    expect(deltas.length).toBeGreaterThan(0);
    expect(REPLY.startsWith(deltas.join(""))).toBe(true);
    expect(error).toMatchObject({ kind: "timeout", attempts: 1 });
    expect(error!.detail).toMatch(/stalled/);
  });

  it("does not count the caller's own time between deltas as a stall", async () => {
    const server = await start();
    const deltas: string[] = [];
    for await (const text of stream(server, { idleTimeoutMs: 200 })) {
      deltas.push(text);
      if (deltas.length === 2) await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(deltas.join("")).toBe(REPLY);
  });

  it("errors with timeout when the server never starts the stream", async () => {
    const server = await start();
    server.enqueueFault({ kind: "hang", ms: 20_000 });
    const { error } = await collect(stream(server, { timeoutMs: 300, maxAttempts: 1 }));
    expect(error).toMatchObject({ kind: "timeout", attempts: 1 });
  });

  it("errors clearly when the connection drops mid-stream", async () => {
    const server = await start();
    server.enqueueFault({ kind: "drop", when: "mid-body" });
    const { deltas, error } = await collect(stream(server));
    expect(deltas.join("").length).toBeLessThan(REPLY.length);
    expect(error).toMatchObject({ kind: "unavailable" });
    expect(server.requests).toHaveLength(1); // text was already out: no retry
  });

  it("errors with invalid_output when an event mid-stream is not JSON", async () => {
    const server = await start();
    server.enqueueFault({ kind: "malformed-json", when: "mid-stream" });
    const { deltas, error } = await collect(stream(server));
    expect(deltas.length).toBeGreaterThan(0);
    expect(error).toMatchObject({ kind: "invalid_output" });
    expect(error!.detail).toMatch(/not JSON/);
  });

  it("errors when the body is not a stream at all", async () => {
    const server = await start();
    server.enqueueFault({ kind: "malformed-json" });
    const { deltas, error } = await collect(stream(server));
    expect(deltas).toEqual([]);
    expect(error).toMatchObject({ kind: "unavailable" });
    expect(error!.detail).toMatch(/ended before the reply was complete/);
  });

  it("retries opening the stream after a 500, reporting each try", async () => {
    const server = await start();
    server.enqueueFault({ status: 500, retryAfterMs: null });
    const events: LlmAttempt[] = [];
    const { deltas, summary } = await collect(stream(server, { onAttempt: (event) => events.push(event) }));
    expect(deltas.join("")).toBe(REPLY);
    expect(summary?.attempts).toBe(2);
    expect(events).toMatchObject([{ attempt: 1, ok: false, error: { kind: "unavailable", upstreamStatus: 500 } }, { attempt: 2, ok: true }]);
  });

  it("does not retry a wrong API key", async () => {
    const server = await start({ apiKey: "sk-right", defaultReply: REPLY });
    const { error } = await collect(stream(server));
    expect(error).toMatchObject({ kind: "auth", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("reports a content-filtered stream as refused", async () => {
    const server = await start({ recordings: [{ reply: "I will not", finishReason: "content_filter" }] });
    expect((await collect(stream(server))).error).toMatchObject({ kind: "refused" });
  });

  it("stops with aborted when the caller's signal fires mid-stream", async () => {
    const server = await start();
    server.enqueueFault({ kind: "stall", ms: 20_000 });
    const controller = new AbortController();
    const iterator = stream(server, { signal: controller.signal });
    const first = await iterator.next();
    expect(first.done).toBe(false);
    controller.abort();
    const { error } = await collect(iterator);
    expect(error).toMatchObject({ kind: "aborted" });
  });

  it("cancels the request when the caller stops reading early", async () => {
    // A bare server that never finishes its stream, so only the client can end the connection.
    let closed = false;
    const endless = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const chunk = { id: "c", object: "chat.completion.chunk", created: 0, model: "m", choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: null }] };
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      res.on("close", () => (closed = true));
    });
    await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = endless.address() as AddressInfo;
      const client = createLlmClient({ baseURL: `http://127.0.0.1:${port}/v1`, model: "m", timeoutMs: 5000, maxAttempts: 1 });
      for await (const text of streamText({ client, model: "m", messages: [{ role: "user", content: "Hello" }] })) {
        expect(text).toBe("Hi");
        break;
      }
      for (let i = 0; i < 200 && !closed; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(closed).toBe(true);
    } finally {
      endless.closeAllConnections();
      await new Promise((resolve) => endless.close(resolve));
    }
  });
});
