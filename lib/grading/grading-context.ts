import type { Database } from "@/lib/db/client";
import { listAbbreviations } from "@/lib/db/queries/abbreviations";
import { listQuestions } from "@/lib/db/queries/questions";
import type { Embedder } from "@/lib/embeddings";
import { searchQuestions } from "@/lib/retrieval/search-questions";
import { knownAnswers, type KnownAnswer } from "./answer-gates";
import { idfFromTexts } from "./lexical-coverage";
import { buildRubric, type Rubric } from "./rubric";

/** What grading needs from the corpus besides the reference: word weights, abbreviations, the other answers. */
export interface GradingContext {
  idf: (stem: string) => number;
  abbreviations: { short: string; long: string }[];
  /** Every question's reference answer, so that reciting the wrong one is recognised. */
  otherAnswers: KnownAnswer[];
}

/** Word weights over every reference answer of the corpus, the abbreviations its documents define, and those answers. */
export async function loadGradingContext({ db }: { db: Database }): Promise<GradingContext> {
  const [questions, abbreviations] = await Promise.all([listQuestions({ db }), listAbbreviations({ db })]);
  const texts = questions.flatMap((item) => [item.question, item.answer ?? ""]).filter(Boolean);
  return { idf: idfFromTexts(texts.length ? texts : [""]), abbreviations, otherAnswers: knownAnswers(questions) };
}

/**
 * The rubric an answer is graded against: from the reference given, or else from the corpus
 * question that best matches the asked question (retrieval), with every source's answer and its
 * citation. Null when the corpus has no matching question.
 */
export async function findRubric({
  db,
  question,
  reference,
  embedder,
}: {
  db: Database;
  question: string;
  reference?: string | null;
  embedder: Embedder | null;
}): Promise<{ rubric: Rubric; matchedQuestion: string | null } | null> {
  if (reference?.trim()) {
    // A reference given with the answer cites no document of the corpus.
    const rubric = buildRubric({ question, sources: [{ document: "", line: 0, answer: reference }] });
    return { rubric: { ...rubric, citations: [], keyPoints: rubric.keyPoints.map((point) => ({ ...point, citations: [] })) }, matchedQuestion: null };
  }
  const [best] = (await searchQuestions({ db, query: question, embedder, k: 1 })).results;
  if (!best) return null;
  const sources = best.sources.map((source) => ({ document: source.document, line: source.line, answer: source.answer }));
  const rubric = buildRubric({ question, sources: sources.some((source) => source.answer) ? sources : [{ ...sources[0]!, answer: best.answer }] });
  return { rubric, matchedQuestion: best.question };
}
