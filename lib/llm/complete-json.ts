import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import type { z } from "zod";
import type { LlmClient, LlmMessage } from "./client";
import { extractJson } from "./extract-json";
import { LlmError, toLlmError, type LlmAttempt } from "./llm-error";
import { backoffMs, DEFAULT_RETRY_DELAYS, sleep, timeoutSignal, type RetryDelays } from "./retry-policy";
import { summarizeIssues } from "./summarize-issues";

export interface CompleteJsonOptions<S extends z.ZodType> {
  client: LlmClient;
  model: string;
  messages: readonly LlmMessage[];
  /** The reply must parse as JSON and pass this schema. */
  schema: S;
  temperature?: number;
  maxTokens?: number;
  /** Tries in all, not counting a retry without `response_format` (see below). Default 3. */
  maxAttempts?: number;
  /** Limit of one try, reading the whole body included. Default 30 s. */
  timeoutMs?: number;
  /** Limit of the whole call, waits included. Default `timeoutMs * maxAttempts`. */
  totalTimeoutMs?: number;
  signal?: AbortSignal;
  retryDelays?: Partial<RetryDelays>;
  onAttempt?: (attempt: LlmAttempt) => void;
}

export interface CompleteJsonResult<T> {
  value: T;
  /** Requests sent, the successful one included. */
  attempts: number;
  /** The model the server says answered (else the one asked for). */
  model: string;
}

// Servers (and models) that answered 400 to `response_format`, so later calls skip the wasted try.
const noJsonMode = new WeakMap<LlmClient, Set<string>>();

/**
 * A chat completion whose reply is JSON valid against `schema`.
 *
 * Asks for JSON mode; when a server rejects `response_format` with a 400 naming it, sends the
 * same request once more without it (that retry does not use up an attempt) and remembers this
 * for the client and model. Takes the JSON out of fences or prose. An unusable reply counts as a
 * failed try and the next try tells the model what was wrong. 429 waits for `retry-after`
 * (capped), 5xx, network errors, malformed bodies and timeouts back off exponentially with
 * jitter; 400/401/403/404 and refusals fail at once. Throws LlmError; never exceeds `totalTimeoutMs`.
 */
export async function completeJson<S extends z.ZodType>(options: CompleteJsonOptions<S>): Promise<CompleteJsonResult<z.output<S>>> {
  const { client, model, schema, signal, onAttempt } = options;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + (options.totalTimeoutMs ?? timeoutMs * maxAttempts);
  const delays = { ...DEFAULT_RETRY_DELAYS, ...options.retryDelays };
  const messages = withJsonInstruction(options.messages);
  let jsonMode = !noJsonMode.get(client)?.has(model);
  let followUp: LlmMessage[] = [];
  let requests = 0;
  let failures = 0;
  let last: LlmError | undefined;

  while (failures < maxAttempts) {
    const remaining = deadline - Date.now();
    if (signal?.aborted) throw new LlmError("aborted", "cancelled by the caller", { attempts: requests, cause: signal.reason });
    if (remaining <= 0) throw last ?? new LlmError("timeout", "no time left for a try", { attempts: requests });
    requests++;
    const started = Date.now();
    const body: ChatCompletionCreateParamsNonStreaming = {
      model,
      messages: [...messages, ...followUp],
      temperature: options.temperature ?? 0,
      ...(options.maxTokens !== undefined ? { max_tokens: options.maxTokens } : {}),
      ...(jsonMode ? { response_format: { type: "json_object" } } : {}),
    };
    const timer = timeoutSignal(Math.min(timeoutMs, remaining), signal);
    let error: LlmError;
    let reply: string | undefined;
    try {
      const completion = await client.chat.completions.create(body, {
        signal: timer.signal,
        timeout: Math.max(1, Math.ceil(Math.min(timeoutMs, remaining))),
        maxRetries: 0,
      });
      const outcome = interpret(completion, schema, requests);
      if (outcome.ok) {
        onAttempt?.({ attempt: requests, ok: true, durationMs: Date.now() - started, jsonMode });
        return { value: outcome.value, attempts: requests, model: completion.model || model };
      }
      ({ error, reply } = outcome);
    } catch (caught) {
      if (jsonMode && rejectsResponseFormat(caught)) {
        jsonMode = false;
        noJsonMode.set(client, (noJsonMode.get(client) ?? new Set()).add(model));
        const rejected = toLlmError(caught, { attempts: requests, timedOut: false, aborted: false });
        onAttempt?.({ attempt: requests, ok: false, durationMs: Date.now() - started, jsonMode: true, error: rejected, retryInMs: 0 });
        continue;
      }
      error = toLlmError(caught, { attempts: requests, timedOut: timer.timedOut(), aborted: signal?.aborted ?? false });
    } finally {
      timer.stop();
    }

    failures++;
    last = error;
    let wait = error.retryable && failures < maxAttempts ? retryWait(error, failures, delays) : undefined;
    // A wait that would end past the deadline cannot lead to a useful try: fail now instead.
    if (wait !== undefined && Date.now() + wait >= deadline) wait = undefined;
    onAttempt?.({ attempt: requests, ok: false, durationMs: Date.now() - started, jsonMode, error, ...(wait !== undefined ? { retryInMs: wait } : {}) });
    if (wait === undefined) throw error;
    followUp = error.kind === "invalid_output" && reply !== undefined ? correction(reply, error.detail) : [];
    try {
      await sleep(wait, signal);
    } catch (reason) {
      throw new LlmError("aborted", "cancelled by the caller", { attempts: requests, cause: reason });
    }
  }
  throw last ?? new LlmError("unavailable", "no attempt was made", { attempts: requests });
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: LlmError; reply?: string };

/** Checks one completion: a refusal, an empty or cut-off reply, no JSON, or JSON of the wrong shape. */
function interpret<S extends z.ZodType>(completion: ChatCompletion, schema: S, attempts: number): Outcome<z.output<S>> {
  const invalid = (detail: string, reply?: string): Outcome<never> => ({
    ok: false,
    error: new LlmError("invalid_output", detail, { attempts }),
    ...(reply !== undefined ? { reply } : {}),
  });
  // A server with the wrong content-type hands us text; a broken one, any JSON at all.
  const choice = typeof completion === "object" && completion !== null && Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  if (!choice || typeof choice.message !== "object" || choice.message === null) return invalid("the server's reply is not a chat completion");
  const { content, refusal } = choice.message;
  if (typeof refusal === "string" && refusal.trim() !== "") return { ok: false, error: new LlmError("refused", refusal, { attempts }) };
  if (choice.finish_reason === "content_filter") return { ok: false, error: new LlmError("refused", "stopped by the content filter", { attempts }) };
  if (typeof content !== "string" || content.trim() === "") return invalid("the reply was empty");
  const cutOff = choice.finish_reason === "length" ? " (the reply was cut off at the token limit: answer more briefly)" : "";
  const json = extractJson(content);
  if (json === undefined) return invalid(`the reply contained no JSON object${cutOff}`, content);
  const parsed = schema.safeParse(json);
  if (!parsed.success) return invalid(`the JSON does not match the expected shape: ${summarizeIssues(parsed.error.issues)}`, content);
  return { ok: true, value: parsed.data as z.output<S> };
}

/** The retry after an unusable reply shows the model its reply and what was wrong with it. */
function correction(reply: string, detail: string): LlmMessage[] {
  const shown = reply.length > 4000 ? `${reply.slice(0, 4000)}…` : reply;
  return [
    { role: "assistant", content: shown },
    { role: "user", content: `That reply could not be used: ${detail}. Answer again with only one JSON object that fixes this.` },
  ];
}

function retryWait(error: LlmError, failures: number, delays: RetryDelays): number {
  // The model answered promptly, just not usefully: waiting would not change that.
  if (error.kind === "invalid_output" && error.retryAfterMs === undefined) return 0;
  return backoffMs(failures, error.retryAfterMs, delays);
}

/**
 * OpenAI's JSON mode needs the word "JSON" in the messages (else 400), and saying so helps
 * servers that ignore `response_format` too.
 */
function withJsonInstruction(messages: readonly LlmMessage[]): LlmMessage[] {
  if (messages.some((message) => /json/i.test(message.content))) return [...messages];
  return [{ role: "system", content: "Reply with one JSON object and nothing else." }, ...messages];
}

/** A 400 (or 422) that names `response_format` or JSON mode: the server cannot do JSON mode. */
function rejectsResponseFormat(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { status, param, message } = error as { status?: unknown; param?: unknown; message?: unknown };
  if (status !== 400 && status !== 422) return false;
  return param === "response_format" || /response_format|json_object|json mode/i.test(String(message));
}
