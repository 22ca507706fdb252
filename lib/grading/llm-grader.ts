import { z } from "zod";
import type { Embedder } from "@/lib/embeddings";
import { AppError } from "@/lib/errors";
import { completeJson, LlmError, type LlmAttempt, type LlmClient, type RetryDelays } from "@/lib/llm";
import { gradeAnswerMessages } from "@/lib/llm/prompts/grade-answer";
import { stripSpokenFillers } from "@/lib/retrieval/spoken-query";
import type { Calibration } from "./calibration";
import { toHalfPoints, type CoveredPoint, type GradeFlag, type GradeResult } from "./grade-result";
import type { KnownAnswer } from "./answer-gates";
import { checkManipulation } from "./manipulation-guard";
import { gradeOfflineByMeaning } from "./grade-by-meaning";
import type { KeyPoint, Rubric } from "./rubric";

/** How hard to try the LLM: LlmSettings fits; `retryDelays` lets tests keep backoff short. */
export interface LlmGradeSettings {
  timeoutMs: number;
  maxAttempts: number;
  retryDelays?: Partial<RetryDelays>;
}

export interface LlmGradeInput {
  client: LlmClient;
  model: string;
  rubric: Rubric;
  answer: string;
  /** The offline grader's result for the same answer: its gates, flags and score bound the LLM's. */
  offline: GradeResult;
  settings: LlmGradeSettings;
  signal?: AbortSignal;
  onAttempt?: (attempt: LlmAttempt) => void;
}

/** Offline verdicts that leave nothing for a model to weigh: the LLM is not asked at all. */
const SKIP_LLM: readonly GradeFlag[] = ["no-answer", "gibberish", "copied-question", "no-reference"];
/** Offline flags the LLM result carries over. */
const CARRIED: readonly GradeFlag[] = ["no-answer", "gibberish", "copied-question", "keyword-list", "word-salad", "off-topic", "no-reference"];
const FLAG_ORDER: readonly GradeFlag[] = ["manipulation", "no-answer", "gibberish", "copied-question", "keyword-list", "word-salad", "off-topic", "wrong-statement", "no-reference"];
/** Terms without explanation earn recognition at most, whichever grader reads them. */
const LIST_CAP = 1;
/**
 * A flagged answer may score at most this much above the offline grade of its content alone: none,
 * since the model read the manipulation too and its leniency cannot be told from being swayed.
 */
const MANIPULATION_MARGIN = 0;

/** The reply schema; pointIds are checked against the rubric, so a wrong one is retried with the reason. */
function replySchema(rubric: Rubric) {
  const ids = new Set(rubric.keyPoints.map((point) => point.id));
  const known = `the key point numbers are ${[...ids].join(", ")}`;
  return z
    .object({
      score: z.number().min(0).max(5),
      covered: z.array(z.object({ pointId: z.number().int(), evidence: z.string() })),
      missed: z.array(z.number().int()),
      feedback: z.string().trim().min(1),
      followUp: z.string().nullable().default(null),
      manipulation: z.boolean(),
      wrongStatements: z.array(z.string()).default([]),
    })
    .superRefine((reply, ctx) => {
      reply.covered.forEach((item, index) => {
        if (!ids.has(item.pointId)) ctx.addIssue({ code: "custom", path: ["covered", index, "pointId"], message: `no key point ${item.pointId}: ${known}` });
      });
      reply.missed.forEach((id, index) => {
        if (!ids.has(id)) ctx.addIssue({ code: "custom", path: ["missed", index], message: `no key point ${id}: ${known}` });
      });
    });
}

/**
 * Grades an answer with an LLM: the question, key points and answer go in as quoted, untrusted
 * data; the reply is validated (known key points only, evidence that really is in the answer,
 * score in half points). The local manipulation guard always runs, and a flagged answer scores at
 * most its offline grade, so an injection that fooled the model lifts nothing; a fooled model's
 * words are replaced by the offline grader's.
 * Answers the offline gates reject (no answer, gibberish, the question copied, no reference) get
 * the offline result without a request. Throws LlmError when the LLM fails; see gradeAnswerWithFallback.
 */
export async function gradeWithLlm({ client, model, rubric, answer, offline, settings, signal, onAttempt }: LlmGradeInput): Promise<GradeResult> {
  if (offline.flags.some((flag) => SKIP_LLM.includes(flag))) return offline;
  const { value: reply } = await completeJson({
    client,
    model,
    messages: gradeAnswerMessages({ question: rubric.question, keyPoints: rubric.keyPoints, answer }),
    schema: replySchema(rubric),
    maxAttempts: settings.maxAttempts,
    timeoutMs: settings.timeoutMs,
    maxTokens: 1000,
    ...(settings.retryDelays ? { retryDelays: settings.retryDelays } : {}),
    ...(signal ? { signal } : {}),
    ...(onAttempt ? { onAttempt } : {}),
  });

  const guard = checkManipulation(answer);
  // Evidence must stand in what the answer says about the subject, not in its words to the grader.
  const haystacks = [normalize(guard.cleaned), normalize(stripSpokenFillers(guard.cleaned))];
  const byId = new Map(rubric.keyPoints.map((point) => [point.id, point]));
  const claimed = new Set<number>();
  const verified = new Map<number, string>();
  for (const { pointId, evidence } of reply.covered) {
    claimed.add(pointId);
    if (!verified.has(pointId) && occursIn(evidence, haystacks)) verified.set(pointId, evidence.trim());
  }
  const covered: CoveredPoint[] = [...verified].map(([id, evidence]) => ({ point: byId.get(id)!.text, evidence, coverage: 1 }));
  const missed = rubric.keyPoints.filter((point) => !verified.has(point.id));

  // Points claimed on invented evidence take their share of the score with them.
  let score = reply.score * share(verified.keys(), claimed, byId);
  const manipulation = reply.manipulation || guard.flagged;
  const capped = manipulation && score > offline.score + MANIPULATION_MARGIN;
  if (capped) score = offline.score + MANIPULATION_MARGIN;
  if (offline.flags.includes("keyword-list") || offline.flags.includes("word-salad")) score = Math.min(score, LIST_CAP);
  score = toHalfPoints(score);

  const wrongStatements = reply.wrongStatements.map((statement) => statement.trim()).filter(Boolean);
  const flags = new Set<GradeFlag>(offline.flags.filter((flag) => CARRIED.includes(flag)));
  if (manipulation) flags.add("manipulation");
  if (wrongStatements.length) flags.add("wrong-statement");
  // The lexical tier cannot recognise a point made in other words: evidence found here overrules it.
  if (covered.length) flags.delete("off-topic");
  const ordered = FLAG_ORDER.filter((flag) => flags.has(flag));

  // A model that was fooled (or missed what the guard found) wrote its words under the answer's sway.
  const fooled = capped || (guard.flagged && !reply.manipulation);
  const followUp = reply.followUp?.trim() || null;
  if (fooled) {
    // Nothing the swayed model said is kept: the content alone, as the offline grader read it.
    return { ...offline, score: Math.min(score, offline.score), flags: ordered, grader: "llm" };
  }
  return {
    score,
    covered,
    missed: missed.map((point) => point.text),
    feedback: firstSentences(reply.feedback, 4),
    followUp,
    grader: "llm",
    flags: ordered,
    references: rubric.citations,
    ...(offline.features ? { features: offline.features } : {}),
  };
}

export interface GradeWithFallbackInput {
  llm: { client: LlmClient; model: string } | null;
  rubric: Rubric;
  answer: string;
  idf: (stem: string) => number;
  abbreviations?: readonly { short: string; long: string }[];
  /** The corpus's reference answers (see GradingContext): reciting another question's is flagged. */
  otherAnswers?: readonly KnownAnswer[];
  /** local: offline only; llm: the LLM, which must be configured; auto: the LLM when configured. */
  mode: "auto" | "local" | "llm";
  settings?: LlmGradeSettings;
  calibration?: Calibration;
  /** An embedding model, for coverage by meaning in the offline grade (and so in the LLM's cap). */
  embedder?: Embedder | null;
  signal?: AbortSignal;
  onAttempt?: (attempt: LlmAttempt) => void;
}

const DEFAULT_SETTINGS: LlmGradeSettings = { timeoutMs: 30_000, maxAttempts: 3 };

/**
 * Grades with the LLM where asked and configured, else offline. When the LLM fails (timeout, rate
 * limit, server error, unusable replies, refusal, wrong key or model), the offline result comes
 * back with `fallbackReason` saying what failed. A cancelled call is rethrown, not graded.
 * Throws AppError("config") for mode "llm" without an LLM.
 */
export async function gradeAnswerWithFallback(input: GradeWithFallbackInput): Promise<GradeResult> {
  const { llm, rubric, answer, idf, abbreviations = [], otherAnswers = [], mode, calibration, embedder = null } = input;
  const offline = await gradeOfflineByMeaning({ rubric, answer, idf, abbreviations, otherAnswers, embedder, ...(calibration ? { calibration } : {}) });
  if (mode === "local") return offline;
  if (!llm) {
    if (mode === "auto") return offline;
    throw new AppError(
      "config",
      "Grading with the LLM needs one configured: set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL for an OpenAI-compatible server such as Ollama, vLLM or LM Studio, and OPENAI_MODEL for the model; or grade with the local grader.",
    );
  }
  try {
    return await gradeWithLlm({ ...llm, rubric, answer, offline, settings: input.settings ?? DEFAULT_SETTINGS, signal: input.signal, onAttempt: input.onAttempt });
  } catch (error) {
    if (!(error instanceof LlmError) || error.kind === "aborted") throw error;
    return { ...offline, grader: "local", fallbackReason: fallbackReason(error) };
  }
}

/** What failed, in words a person understands, ending with what was done instead. */
export function fallbackReason(error: LlmError): string {
  const tries = `${error.attempts} attempt${error.attempts === 1 ? "" : "s"}`;
  const http = error.upstreamStatus !== undefined ? ` (HTTP ${error.upstreamStatus})` : "";
  const what: Record<LlmError["kind"], string> = {
    timeout: `The LLM endpoint timed out after ${tries}`,
    rate_limited: error.retryable ? `The LLM endpoint was still rate-limiting requests${http} after ${tries}` : `The LLM endpoint's quota is used up${http}`,
    unavailable: error.upstreamStatus !== undefined ? `The LLM endpoint failed with HTTP ${error.upstreamStatus} on ${tries}` : `The LLM endpoint could not be reached or broke off, ${tries} made`,
    invalid_output: `The LLM's replies could not be used (not JSON of the expected shape) after ${tries}`,
    refused: "The LLM declined to grade this answer",
    bad_request: `The LLM endpoint rejected the request${http}: check OPENAI_MODEL and OPENAI_BASE_URL`,
    auth: `The LLM endpoint rejected the API key${http}: check OPENAI_API_KEY`,
    aborted: "The request to the LLM was cancelled",
  };
  return `${what[error.kind]}; graded offline.`;
}

/** Lower case, letters and digits only, single spaces: quotes survive punctuation and spacing changes. */
function normalize(text: string): string {
  return ` ${text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
}

/** Evidence is in the answer when every part of it (split at ellipses) stands there, in order. */
function occursIn(evidence: string, haystacks: readonly string[]): boolean {
  const parts = evidence.split(/\.{3}|…/).map(normalize).filter((part) => part.trim() !== "");
  if (parts.length === 0) return false;
  return haystacks.some((haystack) => {
    let from = 0;
    for (const part of parts) {
      const at = haystack.indexOf(part, from);
      if (at === -1) return false;
      from = at + part.length - 1;
    }
    return true;
  });
}

/** The weight of the verified points over the weight of the claimed ones (1 when nothing was dropped). */
function share(verified: Iterable<number>, claimed: Set<number>, byId: Map<number, KeyPoint>): number {
  const weigh = (ids: Iterable<number>) => [...ids].reduce((sum, id) => sum + (byId.get(id)?.weight ?? 0), 0);
  const claimedWeight = weigh(claimed);
  return claimedWeight > 0 ? Math.min(1, weigh(verified) / claimedWeight) : 1;
}

function firstSentences(text: string, limit: number): string {
  return text.trim().split(/(?<=[.!?])\s+/).slice(0, limit).join(" ");
}
