import "server-only";
import type { Database } from "@/lib/db/client";
import { getCorpusCounts } from "@/lib/db/queries/corpus";
import type { QuestionWithSources } from "@/lib/db/queries/questions";
import type { Embedder } from "@/lib/embeddings";
import { getEnv } from "@/lib/env";
import { loadGradingContext, type GradingContext } from "@/lib/grading/grading-context";
import { gradeAnswerWithFallback } from "@/lib/grading/llm-grader";
import type { Llm } from "@/lib/llm";
import { followUpRubric, referenceMarkdown, rubricForQuestion } from "./question-rubric";
import type { GradeView } from "./types";

const cache = globalThis as unknown as { __coachGradingContext?: { key: string; context: Promise<GradingContext> } };

/**
 * The corpus's word weights, abbreviations and reference answers, loaded once per state of the
 * corpus: reloaded when documents, questions or chunks change in number (ingestion from the
 * library page), not on every answer.
 */
async function gradingContextFor(db: Database): Promise<GradingContext> {
  const counts = await getCorpusCounts({ db });
  const key = JSON.stringify(counts);
  if (cache.__coachGradingContext?.key !== key) {
    const context = loadGradingContext({ db });
    cache.__coachGradingContext = { key, context };
    context.catch(() => {
      if (cache.__coachGradingContext?.context === context) delete cache.__coachGradingContext;
    });
  }
  return cache.__coachGradingContext!.context;
}

/**
 * Grades an answer to a question of the interview: against the question's whole rubric, or for a
 * follow-up against only the points it probed. With an LLM, the LLM grader (falling back to the
 * offline grader, and saying why, when it fails); without one, the offline grader.
 */
export async function gradeAnswerTurn({
  db,
  item,
  answer,
  followUp,
  llm,
  embedder,
  signal,
}: {
  db: Database;
  item: QuestionWithSources;
  answer: string;
  /** The follow-up asked and the points it probed; absent for the main question. */
  followUp?: { question: string; points: string[] } | null;
  llm: Llm | null;
  embedder: Embedder | null;
  signal?: AbortSignal;
}): Promise<GradeView> {
  const context = await gradingContextFor(db);
  const whole = rubricForQuestion(item);
  const rubric = followUp ? followUpRubric(whole, followUp.question, followUp.points) : whole;
  const env = getEnv();
  const result = await gradeAnswerWithFallback({
    llm: llm ? { client: llm.client, model: llm.settings.model } : null,
    rubric,
    answer,
    idf: context.idf,
    abbreviations: context.abbreviations,
    otherAnswers: context.otherAnswers,
    embedder,
    mode: "auto",
    settings: { timeoutMs: env.OPENAI_TIMEOUT_MS, maxAttempts: env.OPENAI_MAX_ATTEMPTS },
    ...(signal ? { signal } : {}),
  });
  const { features: _features, ...grade } = result;
  return { ...grade, question: rubric.question, referenceMarkdown: referenceMarkdown(item), isFollowUp: Boolean(followUp) };
}
