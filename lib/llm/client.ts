import OpenAI from "openai";
import { getEnv, type Env } from "@/lib/env";

/**
 * The one place an LLM client comes from. No API key and no base URL means no LLM: callers get
 * null and take their offline paths (offline grader, template interviewer, extractive answers).
 */

/** What the LLM layer needs from the configuration. */
export interface LlmSettings {
  /** Absent for local servers (Ollama, vLLM, LM Studio, llama.cpp), which accept any key. */
  apiKey?: string;
  /** Absent: api.openai.com. */
  baseURL?: string;
  model: string;
  /** One request's time limit. */
  timeoutMs: number;
  /** How many tries a structured request gets in all (first try included). */
  maxAttempts: number;
}

/** A chat message as the LLM layer takes it: plain text content, no tools or images. */
export interface LlmMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** The client type callers pass around; re-exported so they need not import `openai` themselves. */
export type LlmClient = OpenAI;

const OPENAI_BASE_URL = "https://api.openai.com/v1";

type LlmEnv = Pick<Env, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL" | "OPENAI_TIMEOUT_MS" | "OPENAI_MAX_ATTEMPTS">;

/** LLM settings from a parsed environment, or null when no LLM is configured. Pure. */
export function llmSettingsFrom(env: LlmEnv): LlmSettings | null {
  if (env.OPENAI_API_KEY === undefined && env.OPENAI_BASE_URL === undefined) return null;
  return {
    ...(env.OPENAI_API_KEY !== undefined ? { apiKey: env.OPENAI_API_KEY } : {}),
    ...(env.OPENAI_BASE_URL !== undefined ? { baseURL: env.OPENAI_BASE_URL } : {}),
    model: env.OPENAI_MODEL,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
    maxAttempts: env.OPENAI_MAX_ATTEMPTS,
  };
}

/** This process's LLM settings, or null when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set. */
export function getLlmSettings(): LlmSettings | null {
  return llmSettingsFrom(getEnv());
}

/**
 * An `openai` client for the settings. Its own retries are off (`maxRetries: 0`): completeJson and
 * streamText retry themselves, so the number of tries and the total time stay bounded and every
 * try is reported. `timeout` is only the client's default; both helpers pass their own per request.
 */
export function createLlmClient(settings: LlmSettings): LlmClient {
  return new OpenAI({
    // Local servers accept any key; the client library insists on one.
    apiKey: settings.apiKey ?? "not-needed",
    // Explicit, so the client never falls back to reading OPENAI_BASE_URL itself: lib/env is the only reader.
    baseURL: settings.baseURL ?? OPENAI_BASE_URL,
    maxRetries: 0,
    timeout: settings.timeoutMs,
  });
}

/** A configured LLM: its client and the settings it was made from. */
export interface Llm {
  client: LlmClient;
  settings: LlmSettings;
}

const cache = globalThis as unknown as { __coachLlm?: Llm | null };

/**
 * The process-wide LLM, or null when none is configured. Cached so every request shares the
 * client's connection pool (and development reloads keep it).
 */
export function getLlm(): Llm | null {
  if (cache.__coachLlm === undefined) {
    const settings = getLlmSettings();
    cache.__coachLlm = settings ? { client: createLlmClient(settings), settings } : null;
  }
  return cache.__coachLlm;
}
