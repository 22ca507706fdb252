import type { Stream } from "openai/core/streaming";
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { LlmClient, LlmMessage } from "./client";
import { LlmError, toLlmError, type LlmAttempt } from "./llm-error";
import { backoffMs, DEFAULT_RETRY_DELAYS, sleep, timeoutSignal, type RetryDelays } from "./retry-policy";

export interface StreamTextOptions {
  client: LlmClient;
  model: string;
  messages: readonly LlmMessage[];
  /** Absent: the server's default. */
  temperature?: number;
  maxTokens?: number;
  /** Limit until the stream starts (response headers). Default 30 s. */
  timeoutMs?: number;
  /** Longest silence between two chunks once the stream has started. Default `timeoutMs`. */
  idleTimeoutMs?: number;
  /**
   * Tries at opening the stream. Only failures before any text are retried: text already handed
   * to the caller cannot be taken back. Default 2.
   */
  maxAttempts?: number;
  signal?: AbortSignal;
  retryDelays?: Partial<RetryDelays>;
  onAttempt?: (attempt: LlmAttempt) => void;
}

/** How a completed stream ended: the generator's return value. */
export interface StreamTextSummary {
  /** The model the server says answered (else the one asked for). */
  model: string;
  /** "stop", or "length" when the reply was cut off at the token limit. */
  finishReason: string;
  attempts: number;
}

/**
 * A chat reply as text deltas, for the interviewer's streamed messages:
 * `for await (const text of streamText({...})) send(text)`.
 *
 * Throws LlmError: `timeout` when the stream does not start in `timeoutMs` or stalls for
 * `idleTimeoutMs` mid-way (the time the caller spends on a delta does not count), `unavailable`
 * when the connection drops or the stream ends without a finish reason, `invalid_output` when an
 * event is not JSON, `refused` on a refusal or the content filter. Breaking out of the loop (or
 * the caller's signal) cancels the request.
 */
export async function* streamText(options: StreamTextOptions): AsyncGenerator<string, StreamTextSummary, undefined> {
  const { client, model, signal, onAttempt } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const idleMs = options.idleTimeoutMs ?? timeoutMs;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 2);
  const delays = { ...DEFAULT_RETRY_DELAYS, ...options.retryDelays };
  const body: ChatCompletionCreateParamsStreaming = {
    model,
    messages: [...options.messages],
    stream: true,
    ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    ...(options.maxTokens !== undefined ? { max_tokens: options.maxTokens } : {}),
  };

  let attempts = 0;
  let opened: { stream: Stream<ChatCompletionChunk>; timer: ReturnType<typeof timeoutSignal> } | undefined;
  while (!opened) {
    attempts++;
    const started = Date.now();
    const timer = timeoutSignal(timeoutMs, signal);
    try {
      const stream = await client.chat.completions.create(body, { signal: timer.signal, timeout: Math.max(1, Math.ceil(timeoutMs)), maxRetries: 0 });
      opened = { stream, timer };
      onAttempt?.({ attempt: attempts, ok: true, durationMs: Date.now() - started, jsonMode: false });
    } catch (caught) {
      timer.stop();
      const error = toLlmError(caught, { attempts, timedOut: timer.timedOut(), aborted: signal?.aborted ?? false });
      const wait = error.retryable && attempts < maxAttempts ? backoffMs(attempts, error.retryAfterMs, delays) : undefined;
      onAttempt?.({ attempt: attempts, ok: false, durationMs: Date.now() - started, jsonMode: false, error, ...(wait !== undefined ? { retryInMs: wait } : {}) });
      if (wait === undefined) throw error;
      await sleep(wait, signal).catch((reason: unknown) => {
        throw new LlmError("aborted", "cancelled by the caller", { attempts, cause: reason });
      });
    }
  }

  const { stream, timer } = opened;
  let answered = model;
  let finishReason: string | undefined;
  let refusal = "";
  let sentText = false;
  let completed = false;
  try {
    timer.restart(idleMs);
    for await (const chunk of stream) {
      timer.stop();
      if (typeof chunk?.model === "string" && chunk.model !== "") answered = chunk.model;
      const choice = Array.isArray(chunk?.choices) ? chunk.choices[0] : undefined;
      if (choice?.finish_reason) finishReason = choice.finish_reason;
      if (typeof choice?.delta?.refusal === "string") refusal += choice.delta.refusal;
      const text = choice?.delta?.content;
      if (typeof text === "string" && text !== "") {
        sentText = true;
        yield text;
      }
      timer.restart(idleMs);
    }
    timer.stop();
    // The client ends the iteration quietly when the request is aborted, so look at why it ended.
    if (timer.timedOut()) throw new LlmError("timeout", `the stream stalled: no chunk for ${idleMs} ms`, { attempts });
    if (signal?.aborted) throw new LlmError("aborted", "cancelled by the caller", { attempts, cause: signal.reason });
    if (finishReason === undefined) {
      throw new LlmError("unavailable", "the stream ended before the reply was complete", { attempts, retryable: false });
    }
    if (finishReason === "content_filter") throw new LlmError("refused", "stopped by the content filter", { attempts });
    if (!sentText && refusal !== "") throw new LlmError("refused", refusal, { attempts });
    completed = true;
    return { model: answered, finishReason, attempts };
  } catch (caught) {
    if (caught instanceof SyntaxError) {
      throw new LlmError("invalid_output", `the stream carried an event that is not JSON: ${caught.message}`, { attempts, cause: caught });
    }
    throw toLlmError(caught, { attempts, timedOut: timer.timedOut(), aborted: signal?.aborted ?? false });
  } finally {
    timer.stop();
    // The caller broke out of the loop, or something failed: stop the server generating.
    if (!completed) timer.abort();
  }
}
