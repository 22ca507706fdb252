import path from "node:path";
import { clip, fitAndPredict, fitLinear, fitLogistic } from "@/lib/grading/eval/cross-validation";
import { loadSaf, loadScientsBank, type GradingItem, type GradingSplit } from "@/lib/grading/eval/datasets";
import { accuracy, macroF1, summarizeScores, type RegressionSummary } from "@/lib/grading/eval/metrics";
import { tfidfSplitBaseline } from "@/lib/grading/eval/tfidf-baseline";
import type { GradeResult } from "@/lib/grading/grade-result";
import { featureVector, gradeDatasetOffline } from "./grade-dataset";

/** The offline grader's score at which an answer counts as correct, unfitted: half of the scale. */
export const PASS_SCORE = 2.5;

export interface VerdictSummary {
  accuracy: number;
  macroF1: number;
}

export interface ScientsBankSplitFigures {
  split: GradingSplit;
  answers: number;
  /** The shipped grader read as a verdict at PASS_SCORE: nothing fitted. */
  offline: VerdictSummary;
  /** A logistic map from the grader's score and features, fitted on the train split. */
  offlineFitted: VerdictSummary;
  /** TF-IDF cosine with a logistic map fitted on train. */
  tfidf: VerdictSummary;
  /** Every answer called incorrect (the larger class). */
  majority: VerdictSummary;
}

export interface ScientsBankFigures {
  dataset: "scientsbank";
  train: number;
  splits: ScientsBankSplitFigures[];
}

export interface SafSplitFigures {
  split: GradingSplit;
  answers: number;
  /** The shipped grader's score divided by 5, nothing fitted. */
  offline: RegressionSummary;
  /** A linear map from the grader's score and features to the 0–1 grade, fitted on the train split. */
  offlineFitted: RegressionSummary;
  /** TF-IDF cosine with a linear map fitted on train. */
  tfidf: RegressionSummary;
}

export interface SafFigures {
  dataset: "saf";
  train: number;
  splits: SafSplitFigures[];
}

/**
 * SciEntsBank (SemEval-2013 Task 7), 2-way: graded offline against every reference answer of the
 * question; measured on the published unseen-answers, unseen-questions and unseen-domains splits.
 * Anything fitted is fitted on the train split alone.
 */
export async function evalScientsBank({ datasetsDir }: { datasetsDir: string }): Promise<ScientsBankFigures> {
  const items = await loadScientsBank(path.join(datasetsDir, "scientsbank"));
  const graded = gradeDatasetOffline(items, "scientsbank");
  const train = rowsOf(items, graded, "train");
  const splits = (["test_ua", "test_uq", "test_ud"] as const).map((split): ScientsBankSplitFigures => {
    const test = rowsOf(items, graded, split);
    const gold = test.map((row) => row.item.gold);
    const verdict = (predicted: number[]): VerdictSummary => ({ accuracy: accuracy(predicted, gold), macroF1: macroF1(predicted, gold, [0, 1]) });
    const probabilities = fitAndPredict(
      train.map((row) => featureVector(row.result)),
      train.map((row) => row.item.gold),
      test.map((row) => featureVector(row.result)),
      (X, y) => fitLogistic(X, y),
    );
    const baseline = tfidfSplitBaseline(items, split, "verdict");
    if (baseline.task !== "verdict") throw new Error("unreachable: a verdict baseline");
    return {
      split,
      answers: test.length,
      offline: verdict(test.map((row) => (row.result.score >= PASS_SCORE ? 1 : 0))),
      offlineFitted: verdict(probabilities.map((probability) => (probability >= 0.5 ? 1 : 0))),
      tfidf: { accuracy: baseline.accuracy, macroF1: baseline.macroF1 },
      majority: verdict(test.map(() => 0)),
    };
  });
  return { dataset: "scientsbank", train: train.length, splits };
}

/**
 * SAF (Filighera et al. 2022), English: the 0–1 score of each answer against the grader's, on the
 * published unseen-answers and unseen-questions splits; anything fitted is fitted on train.
 */
export async function evalSaf({ datasetsDir }: { datasetsDir: string }): Promise<SafFigures> {
  const items = await loadSaf(path.join(datasetsDir, "saf"));
  const graded = gradeDatasetOffline(items, "saf");
  const train = rowsOf(items, graded, "train");
  const splits = (["test_ua", "test_uq"] as const).map((split): SafSplitFigures => {
    const test = rowsOf(items, graded, split);
    const gold = test.map((row) => row.item.gold);
    const fitted = fitAndPredict(
      train.map((row) => featureVector(row.result)),
      train.map((row) => row.item.gold),
      test.map((row) => featureVector(row.result)),
      (X, y) => fitLinear(X, y),
    ).map((value, index) => clip(value, test[index]!.item.scale));
    const baseline = tfidfSplitBaseline(items, split, "score");
    if (baseline.task !== "score") throw new Error("unreachable: a score baseline");
    return {
      split,
      answers: test.length,
      offline: summarizeScores(test.map((row) => row.result.score / 5), gold),
      offlineFitted: summarizeScores(fitted, gold),
      tfidf: baseline.heldOut,
    };
  });
  return { dataset: "saf", train: train.length, splits };
}

function rowsOf(items: readonly GradingItem[], graded: readonly GradeResult[], split: GradingSplit): { item: GradingItem; result: GradeResult }[] {
  const rows = items.flatMap((item, index) => (item.split === split ? [{ item, result: graded[index]! }] : []));
  if (rows.length === 0) throw new Error(`no ${split} items`);
  return rows;
}
