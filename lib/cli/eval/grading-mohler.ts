import path from "node:path";
import { FEATURE_NAMES } from "@/lib/grading/answer-features";
import type { Calibration } from "@/lib/grading/calibration";
import { fitLinear } from "@/lib/grading/eval/cross-validation";
import { loadMohler, type GradingItem } from "@/lib/grading/eval/datasets";
import { summarizeScores, type RegressionSummary } from "@/lib/grading/eval/metrics";
import { tfidfGroupedBaseline } from "@/lib/grading/eval/tfidf-baseline";
import { datasetGrader } from "./grade-dataset";
import type { GradeResult } from "@/lib/grading/grade-result";

export interface MohlerFigures {
  dataset: "mohler";
  answers: number;
  assignments: number;
  /** The offline grader (lexical tier) as it ships: its half-point scores, nothing fitted. */
  offline: RegressionSummary;
  /** The same with a calibration (features → score) refitted leaving each assignment out; half-point scores. */
  offlineCalibrated: RegressionSummary;
  /** Plain TF-IDF cosine with a linear map fitted the same way. */
  tfidf: RegressionSummary;
  /** The calibration fitted on every answer: what ships in lib/grading/calibration.ts. */
  calibration: Calibration;
}

/**
 * Mohler et al. (2011): every answer graded by the offline grader against its question's reference,
 * with the calibration (features → score) refitted for each held-out assignment on the other
 * eleven, so no figure comes from data the fit saw. Plain TF-IDF runs beside it, fitted the same way.
 */
export async function evalMohler({ datasetsDir }: { datasetsDir: string }): Promise<MohlerFigures> {
  const items = await loadMohler(path.join(datasetsDir, "mohler"));
  // Term weights come from the texts alone (references and answers), never from the grades.
  const grade = datasetGrader(items, "mohler");
  const first = items.map((item) => grade(item));

  const predictions: number[] = new Array<number>(items.length).fill(0);
  for (const group of new Set(items.map((item) => item.group))) {
    const calibration = fitCalibration(items, first, (item) => item.group !== group, `Mohler without assignment ${group}`);
    items.forEach((item, index) => {
      if (item.group === group) predictions[index] = grade(item, calibration).score;
    });
  }
  const gold = items.map((item) => item.gold);
  return {
    dataset: "mohler",
    answers: items.length,
    assignments: new Set(items.map((item) => item.group)).size,
    offline: summarizeScores(first.map((result) => result.score), gold),
    offlineCalibrated: summarizeScores(predictions, gold),
    tfidf: tfidfGroupedBaseline(items).heldOut,
    calibration: fitCalibration(items, first, () => true, `Mohler et al. 2011, all ${items.length} answers`),
  };
}

/** Least squares from features to the human average, on the answers no gate sets to zero. */
function fitCalibration(items: GradingItem[], graded: GradeResult[], include: (item: GradingItem) => boolean, fittedOn: string): Calibration {
  const rows = items.flatMap((item, index) => (include(item) && graded[index]!.features ? [{ features: graded[index]!.features!, gold: item.gold }] : []));
  const model = fitLinear(
    rows.map((row) => FEATURE_NAMES.map((name) => row.features[name])),
    rows.map((row) => row.gold),
  );
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, index) => [name, model.weights[index]!])) as Calibration["weights"];
  return { intercept: model.intercept, weights, fittedOn };
}
