import { listQuestions, type QuestionWithSources } from "@/lib/db/queries/questions";
import type { Embedder } from "@/lib/embeddings";
import { tfidfScorer } from "@/lib/grading/eval/tfidf-baseline";
import { gradeOfflineByMeaning } from "@/lib/grading/grade-by-meaning";
import { loadGradingContext, type GradingContext } from "@/lib/grading/grading-context";
import { buildRubric } from "@/lib/grading/rubric";
import { ingestDocuments } from "@/lib/ingest/ingest-documents";
import { openScratchDatabase } from "../eval/scratch-database";
import { gradingAnswers, type AnswerKind, type BenchAnswer } from "./grading-answers";
import { percentiles, round, type Percentiles } from "./measure";

export interface OfflineGradingBench {
  tier: "lexical" | "semantic";
  questions: number;
  answers: number;
  /** The offline grader per answer: the rubric built from the question's sources, then graded. */
  offline: Percentiles;
  /** Baseline: the plain TF-IDF cosine of the answer and the merged reference (document frequencies counted once). */
  tfidf: Percentiles;
  ratioP50: number;
  ratioP95: number;
  /** Mean score (0–5) per kind of answer, and the baseline's mean cosine (0–1): both should fall from reference to off-topic. */
  meanScore: Record<AnswerKind, number>;
  tfidfMeanCosine: Record<AnswerKind, number>;
}

/** The seed corpus's question bank and grading context, in a scratch database. */
export interface GradingCorpus {
  bank: (QuestionWithSources & { answer: string })[];
  context: GradingContext;
}

/** Ingests `folder` into a throwaway in-memory database and reads the bank and grading context from it. */
export async function loadGradingCorpus({ root, folder }: { root: string; folder: string }): Promise<GradingCorpus> {
  const handle = await openScratchDatabase();
  try {
    await ingestDocuments({ db: handle.db, embedder: null, inputs: [folder], root, maxBytes: 64 * 1024 * 1024 });
    const bank = (await listQuestions({ db: handle.db })).filter((item): item is QuestionWithSources & { answer: string } => Boolean(item.answer));
    return { bank, context: await loadGradingContext({ db: handle.db }) };
  } finally {
    await handle.close();
  }
}

/**
 * Offline grading latency, p50/p95 per answer, beside plain TF-IDF cosine over the same answers,
 * interleaved answer by answer (the order alternates so caches favour neither). TF-IDF is the
 * baseline because it is the yardstick `eval grading` measures the grader's quality against: the
 * pair says what the grader's rubric, gates and coverage cost per answer for what they add.
 */
export async function benchOfflineGrading({ corpus, embedder, questions }: { corpus: GradingCorpus; embedder: Embedder | null; questions?: number }): Promise<OfflineGradingBench> {
  const { bank, context } = corpus;
  const answers = gradingAnswers(bank, questions);
  const score = tfidfScorer(bank.flatMap((item) => [item.question, item.answer]));
  const grade = async (entry: BenchAnswer) => {
    const item = bank[entry.questionIndex]!;
    const rubric = buildRubric({ question: item.question, sources: item.sources });
    return (await gradeOfflineByMeaning({ rubric, answer: entry.answer, idf: context.idf, abbreviations: context.abbreviations, otherAnswers: context.otherAnswers, embedder })).score;
  };
  // Warm-up: the first calls pay for compiling the code paths, not for grading.
  for (const entry of answers.slice(0, 10)) {
    await grade(entry);
    score(bank[entry.questionIndex]!.answer, entry.answer);
  }
  const times = { offline: [] as number[], tfidf: [] as number[] };
  const scores = { offline: [] as number[], tfidf: [] as number[] };
  for (const [index, entry] of answers.entries()) {
    const runs: [keyof typeof times, () => Promise<number> | number][] = [
      ["offline", () => grade(entry)],
      ["tfidf", () => score(bank[entry.questionIndex]!.answer, entry.answer)],
    ];
    if (index % 2 === 1) runs.reverse();
    for (const [name, run] of runs) {
      const started = performance.now();
      const value = await run();
      times[name].push(performance.now() - started);
      scores[name][index] = value;
    }
  }
  const offline = percentiles(times.offline, 3);
  const tfidf = percentiles(times.tfidf, 3);
  return {
    tier: embedder ? "semantic" : "lexical",
    questions: new Set(answers.map((entry) => entry.questionIndex)).size,
    answers: answers.length,
    offline,
    tfidf,
    ratioP50: round(offline.p50 / Math.max(tfidf.p50, 0.001), 1),
    ratioP95: round(offline.p95 / Math.max(tfidf.p95, 0.001), 1),
    meanScore: meansByKind(answers, scores.offline, 2),
    tfidfMeanCosine: meansByKind(answers, scores.tfidf, 3),
  };
}

function meansByKind(answers: readonly BenchAnswer[], values: readonly number[], digits: number): Record<AnswerKind, number> {
  const mean = (kind: AnswerKind) => {
    const picked = answers.flatMap((entry, index) => (entry.kind === kind ? [values[index]!] : []));
    return round(picked.reduce((sum, value) => sum + value, 0) / Math.max(1, picked.length), digits);
  };
  return { reference: mean("reference"), partial: mean("partial"), "off-topic": mean("off-topic") };
}
