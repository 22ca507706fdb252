import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { completeJson, createLlmClient, LlmError, type CompleteJsonOptions, type LlmAttempt } from "@/lib/llm";
import { startOpenAIServer, type OpenAIServer, type OpenAIServerOptions } from "../fixtures/openai-server";

/**
 * completeJson end to end: the real `openai` client, made by createLlmClient, over real HTTP
 * against the local OpenAI-compatible test server and its injected faults. Timeouts are small so
 * the failures stay fast; nothing asserts on how long anything took.
 */

const servers: OpenAIServer[] = [];
const Grade = z.object({ score: z.number().min(0).max(5), feedback: z.string() });
const GOOD = { score: 4, feedback: "Mostly right." };
const MESSAGES = [
  { role: "system" as const, content: "You grade interview answers. Reply in JSON: {score, feedback}." },
  { role: "user" as const, content: "Grade this answer about dropout." },
];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const server = await startOpenAIServer(options);
  servers.push(server);
  return server;
}

type Options = Partial<CompleteJsonOptions<typeof Grade>>;

/** completeJson against `server` with fast retries; `events` collects what onAttempt reports. */
function grade(server: OpenAIServer, overrides: Options = {}, events: LlmAttempt[] = []) {
  const client = overrides.client ?? createLlmClient({ apiKey: "sk-test", baseURL: server.baseURL, model: "test-model", timeoutMs: 5000, maxAttempts: 3 });
  return completeJson({
    client,
    model: "test-model",
    messages: MESSAGES,
    schema: Grade,
    timeoutMs: 5000,
    retryDelays: { baseMs: 5, maxMs: 20 },
    onAttempt: (event) => events.push(event),
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

/** The text of the last user message a request carried. */
function lastUserText(server: OpenAIServer, index: number): string {
  const body = server.requests[index]!.body as { messages: { role: string; content: string }[] };
  return [...body.messages].reverse().find((message) => message.role === "user")!.content;
}

describe("completeJson: replies", () => {
  it("returns a recorded valid reply, asking for JSON mode at temperature 0 with the client's own retries off", async () => {
    const server = await start({ recordings: [{ match: /grade/i, reply: GOOD }] });
    const events: LlmAttempt[] = [];
    const result = await grade(server, {}, events);
    expect(result).toEqual({ value: GOOD, attempts: 1, model: "test-model" });
    expect(events).toMatchObject([{ attempt: 1, ok: true, jsonMode: true }]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body).toMatchObject({ model: "test-model", temperature: 0, response_format: { type: "json_object" }, messages: MESSAGES });
    expect(server.requests[0]!.headers["x-stainless-retry-count"]).toBe("0");
  });

  it("adds a JSON instruction when no message mentions JSON (OpenAI's JSON mode requires one)", async () => {
    const server = await start({ defaultReply: GOOD });
    await grade(server, { messages: [{ role: "user", content: "Grade it." }] });
    const body = server.requests[0]!.body as { messages: { role: string; content: string }[] };
    expect(body.messages[0]).toEqual({ role: "system", content: expect.stringMatching(/JSON/) });
  });

  it("takes the JSON out of a fenced block wrapped in prose", async () => {
    const server = await start({ defaultReply: `Here is the grade:\n\`\`\`json\n${JSON.stringify(GOOD, null, 2)}\n\`\`\`\nAnything else?` });
    expect((await grade(server)).value).toEqual(GOOD);
  });

  it("falls back to no response_format when the server rejects it with a 400, and remembers that", async () => {
    const server = await start({ rejectResponseFormat: true, defaultReply: GOOD });
    const client = createLlmClient({ baseURL: server.baseURL, model: "test-model", timeoutMs: 5000, maxAttempts: 1 });
    const events: LlmAttempt[] = [];
    const result = await grade(server, { client, maxAttempts: 1 }, events);
    expect(result).toMatchObject({ value: GOOD, attempts: 2 });
    expect(events).toMatchObject([
      { attempt: 1, ok: false, jsonMode: true, error: { kind: "bad_request" } },
      { attempt: 2, ok: true, jsonMode: false },
    ]);
    expect(server.requests[0]!.body).toHaveProperty("response_format");
    expect(server.requests[1]!.body).not.toHaveProperty("response_format");

    // The same client and model skip the doomed try from then on.
    expect(await grade(server, { client })).toMatchObject({ attempts: 1 });
    expect(server.requests[2]!.body).not.toHaveProperty("response_format");
  });
});

describe("completeJson: retries", () => {
  it("waits for retry-after on a 429, then succeeds", async () => {
    const server = await start({ defaultReply: GOOD });
    server.enqueueFault({ status: 429, retryAfter: 1, retryAfterMs: null });
    const events: LlmAttempt[] = [];
    const result = await grade(server, {}, events);
    expect(result).toMatchObject({ value: GOOD, attempts: 2 });
    expect(events[0]).toMatchObject({ ok: false, error: { kind: "rate_limited", upstreamStatus: 429 }, retryInMs: 1000 });
  });

  it("gives up at once when retry-after would outlast the time allowed", async () => {
    const server = await start({ defaultReply: GOOD });
    server.enqueueFault({ status: 429, retryAfter: 3600, retryAfterMs: null });
    const error = await failure(grade(server, { totalTimeoutMs: 3000 }));
    expect(error).toMatchObject({ kind: "rate_limited", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 500 with backoff, then succeeds", async () => {
    const server = await start({ defaultReply: GOOD });
    server.enqueueFault({ status: 500, retryAfterMs: null });
    const events: LlmAttempt[] = [];
    expect(await grade(server, {}, events)).toMatchObject({ value: GOOD, attempts: 2 });
    expect(events[0]).toMatchObject({ ok: false, error: { kind: "unavailable", upstreamStatus: 500 } });
    expect(events[0]!.retryInMs).toBeGreaterThan(0);
  });

  it("retries a malformed HTTP body, then succeeds", async () => {
    const server = await start({ defaultReply: GOOD });
    server.enqueueFault({ kind: "malformed-json" });
    const events: LlmAttempt[] = [];
    expect(await grade(server, {}, events)).toMatchObject({ value: GOOD, attempts: 2 });
    expect(events[0]).toMatchObject({ ok: false, error: { kind: "invalid_output" } });
  });

  it("retries a reply that is not JSON, showing the model its reply and the problem", async () => {
    const server = await start({ recordings: [{ reply: "{score: four, feedback: fine", once: true }, { reply: GOOD }] });
    expect(await grade(server)).toMatchObject({ value: GOOD, attempts: 2 });
    const retry = server.requests[1]!.body as { messages: { role: string; content: string }[] };
    expect(retry.messages.at(-2)).toEqual({ role: "assistant", content: "{score: four, feedback: fine" });
    expect(lastUserText(server, 1)).toMatch(/no JSON object/);
  });

  it("retries JSON that does not match the schema, naming what was wrong", async () => {
    const server = await start({ recordings: [{ reply: { score: "four", feedback: "ok" }, once: true }, { reply: GOOD }] });
    expect(await grade(server)).toMatchObject({ value: GOOD, attempts: 2 });
    expect(lastUserText(server, 1)).toMatch(/score: .*number/i);
  });

  it("recovers from a dropped connection", async () => {
    const server = await start({ defaultReply: GOOD });
    server.enqueueFault({ kind: "drop", when: "mid-body" });
    expect(await grade(server)).toMatchObject({ value: GOOD, attempts: 2 });
  });
});

describe("completeJson: failures", () => {
  it("throws the last error with the attempt count when every try fails", async () => {
    const server = await start({ defaultReply: GOOD });
    for (let i = 0; i < 3; i++) server.enqueueFault({ status: 503 });
    const events: LlmAttempt[] = [];
    const error = await failure(grade(server, { maxAttempts: 3 }, events));
    expect(error).toMatchObject({ kind: "unavailable", attempts: 3, upstreamStatus: 503, code: "unavailable" });
    expect(server.requests).toHaveLength(3);
    expect(events.map((event) => event.retryInMs === undefined)).toEqual([false, false, true]);
  });

  it("reports invalid_output when the model never produces valid JSON", async () => {
    const server = await start({ defaultReply: { score: 9, feedback: "too high" } });
    const error = await failure(grade(server, { maxAttempts: 2 }));
    expect(error).toMatchObject({ kind: "invalid_output", attempts: 2 });
    expect(error.detail).toMatch(/score/);
  });

  it("does not retry a wrong API key, a 400 or an unknown model", async () => {
    const guarded = await start({ apiKey: "sk-right", defaultReply: GOOD });
    expect(await failure(grade(guarded))).toMatchObject({ kind: "auth", attempts: 1, upstreamStatus: 401 });
    expect(guarded.requests).toHaveLength(1);

    const server = await start({ recordings: [{ match: "something else", reply: GOOD }] });
    server.enqueueFault({ status: 400 });
    expect(await failure(grade(server))).toMatchObject({ kind: "bad_request", attempts: 1, upstreamStatus: 400 });
    expect(await failure(grade(server))).toMatchObject({ kind: "bad_request", attempts: 1, upstreamStatus: 404 });
    expect(server.requests).toHaveLength(2);
  });

  it("reports a content-filtered reply as refused, without retrying", async () => {
    const server = await start({ recordings: [{ reply: GOOD, finishReason: "content_filter" }] });
    expect(await failure(grade(server))).toMatchObject({ kind: "refused", attempts: 1 });
  });

  it("times out a server that hangs before answering, on every try", async () => {
    const server = await start({ defaultReply: GOOD });
    server.enqueueFault({ kind: "hang", ms: 20_000 });
    server.enqueueFault({ kind: "hang", ms: 20_000 });
    const error = await failure(grade(server, { timeoutMs: 300, maxAttempts: 2 }));
    expect(error).toMatchObject({ kind: "timeout", attempts: 2 });
  });

  it("times out a reply that stalls after its headers (the client's own timeout stops at headers)", async () => {
    const server = await start({ defaultReply: GOOD });
    server.enqueueFault({ kind: "stall", ms: 20_000 });
    expect(await failure(grade(server, { timeoutMs: 300, maxAttempts: 1 }))).toMatchObject({ kind: "timeout", attempts: 1 });
  });

  it("stops within the total time allowed", async () => {
    const server = await start({ defaultReply: GOOD });
    for (let i = 0; i < 5; i++) server.enqueueFault({ kind: "hang", ms: 20_000 });
    const error = await failure(grade(server, { timeoutMs: 5000, totalTimeoutMs: 300, maxAttempts: 5 }));
    expect(error).toMatchObject({ kind: "timeout", attempts: 1 });
  });

  it("stops when the caller's signal fires", async () => {
    const server = await start({ defaultReply: GOOD });
    server.enqueueFault({ kind: "hang", ms: 20_000 });
    const controller = new AbortController();
    const pending = grade(server, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(await failure(pending)).toMatchObject({ kind: "aborted", attempts: 1 });
  });
});
