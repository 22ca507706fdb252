import "server-only";
import type { Database } from "@/lib/db/client";
import type { QuestionWithSources } from "@/lib/db/queries/questions";
import type { Embedder } from "@/lib/embeddings";
import { streamText, type Llm } from "@/lib/llm";
import { CLARIFY_NOT_FOUND, clarifyAnswerMessages } from "@/lib/llm/prompts/clarify-answer";
import { searchQuestions } from "@/lib/retrieval/search-questions";
import { answerClarification, ASKS_THE_QUESTION } from "./clarify";
import { rubricForQuestion } from "./question-rubric";
import type { SourceCitation } from "./types";

const NOT_FOUND = "I could not find that in your documents. Try asking it another way, or ask for a hint.";

/**
 * Answers a clarifying question ("what do you mean by co-adaptation?") from the person's own
 * documents, with citations, without handing over the answer to the question being asked: the
 * passages come from retrieval, and the current question's key points are kept out. With an LLM
 * the reply is written (and streamed) from those passages; without one, or when it fails, the
 * most relevant sentences are quoted.
 */
export async function answerClarifyingQuestion({
  db,
  question,
  visibleTo,
  current,
  embedder,
  llm,
  onToken,
  signal,
}: {
  db: Database;
  question: string;
  /** The interview's owner: only their documents and the shared library are quoted. */
  visibleTo: string;
  current: QuestionWithSources | null;
  embedder: Embedder | null;
  llm: Llm | null;
  onToken?: (text: string) => void;
  signal?: AbortSignal;
}): Promise<{ text: string; citations: SourceCitation[] }> {
  const { results } = await searchQuestions({ db, query: question, embedder, k: 6, visibleTo });
  const passages = results.flatMap((result) =>
    result.sources.filter((source) => source.answer).map((source) => ({ text: source.answer!, document: source.document, line: source.line, questionId: result.questionId })),
  );
  const keyPoints = current ? rubricForQuestion(current).keyPoints.map((point) => point.text) : [];
  const extractive = answerClarification({ message: question, passages, current: current ? { questionId: current.id, question: current.question, keyPoints } : null });
  // Asking what the question itself asks is not a clarification: no model is asked either.
  if (!llm || !extractive || extractive.text === ASKS_THE_QUESTION) return extractive ?? { text: NOT_FOUND, citations: [] };

  // The LLM sees only passages that are not the current question's own answer.
  const allowed = passages.filter((passage) => passage.questionId !== current?.id).slice(0, 4);
  if (allowed.length === 0) return extractive;
  let text = "";
  try {
    for await (const token of streamText({
      client: llm.client,
      model: llm.settings.model,
      messages: clarifyAnswerMessages({ message: question, passages: allowed, currentKeyPoints: keyPoints }),
      temperature: 0.2,
      maxTokens: 400,
      timeoutMs: llm.settings.timeoutMs,
      maxAttempts: llm.settings.maxAttempts,
      ...(signal ? { signal } : {}),
    })) {
      text += token;
      onToken?.(token);
    }
  } catch {
    return extractive;
  }
  if (!text.trim() || text.includes(CLARIFY_NOT_FOUND)) return extractive;
  return { text: text.trim(), citations: allowed.map(({ document, line }) => ({ document, line })) };
}
