import { FEATURE_NAMES } from "@/lib/grading/answer-features";
import type { Calibration } from "@/lib/grading/calibration";
import type { GradingItem } from "@/lib/grading/eval/datasets";
import type { GradeResult } from "@/lib/grading/grade-result";
import { idfFromTexts } from "@/lib/grading/lexical-coverage";
import { gradeOffline } from "@/lib/grading/offline-grader";
import { buildRubric, type Rubric } from "@/lib/grading/rubric";

/**
 * Every item of a human-graded dataset graded by the offline grader (lexical tier), as the product
 * grades: the rubric built from every reference answer the dataset gives for the question (each a
 * source, as merged documents are), term weights from the dataset's own texts. The weights use no
 * grade, so computing them over test items as well leaks no label.
 */
export function gradeDatasetOffline(items: readonly GradingItem[], dataset: string): GradeResult[] {
  const grade = datasetGrader(items, dataset);
  return items.map((item) => grade(item));
}

/** A grader for the items of one dataset, term weights computed once and each question's rubric built once. */
export function datasetGrader(items: readonly GradingItem[], dataset: string): (item: GradingItem, calibration?: Calibration) => GradeResult {
  const texts = [...new Set(items.flatMap((item) => item.references)), ...items.map((item) => item.answer)];
  const idf = idfFromTexts(texts);
  const rubrics = new Map<string, Rubric>();
  const rubricOf = (item: GradingItem) => {
    let rubric = rubrics.get(item.questionId);
    if (!rubric) {
      const sources = item.references.map((answer, index) => ({ document: `${dataset}/${item.questionId}`, line: index + 1, answer }));
      rubric = buildRubric({ question: item.question, sources });
      rubrics.set(item.questionId, rubric);
    }
    return rubric;
  };
  return (item, calibration) => gradeOffline({ rubric: rubricOf(item), answer: item.answer, idf, ...(calibration ? { calibration } : {}) });
}

/**
 * What a fitted map reads of a graded answer: its score and the lexical features behind it. An
 * answer a gate stopped (no answer, gibberish, a copied question) has no features and reads as zeros.
 */
export function featureVector(result: GradeResult): number[] {
  return [result.score, ...FEATURE_NAMES.filter((name) => name !== "rubricScore").map((name) => result.features?.[name] ?? 0)];
}
