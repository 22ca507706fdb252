/**
 * The LLM layer: client from configuration, JSON completions validated with zod, streamed text,
 * and quoting of untrusted text. A leaf: it imports only lib/env and lib/errors.
 */
export {
  createLlmClient,
  getLlm,
  getLlmSettings,
  llmSettingsFrom,
  type Llm,
  type LlmClient,
  type LlmMessage,
  type LlmSettings,
} from "./client";
export { completeJson, type CompleteJsonOptions, type CompleteJsonResult } from "./complete-json";
export { extractJson } from "./extract-json";
export { LlmError, toLlmError, type LlmAttempt, type LlmErrorKind } from "./llm-error";
export { backoffMs, DEFAULT_RETRY_DELAYS, parseRetryAfter, type RetryDelays } from "./retry-policy";
export { streamText, type StreamTextOptions, type StreamTextSummary } from "./stream-text";
export { quoteUntrusted, sanitizeUntrusted, type QuotedText, type QuoteOptions } from "./untrusted";
