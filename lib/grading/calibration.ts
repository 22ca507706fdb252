import { FEATURE_NAMES, type AnswerFeatures } from "./answer-features";

/** A linear map from an answer's features to a 0–5 score. */
export interface Calibration {
  intercept: number;
  weights: Record<(typeof FEATURE_NAMES)[number], number>;
  /** Where the numbers come from, for the eval's report. */
  fittedOn: string;
}

/**
 * The shipped calibration: the rubric score as it is. A map fitted on Mohler et al. (2011) (see
 * `eval grading --dataset mohler --fit`) inherits that set's skew (most answers score 4 or more,
 * so its intercept is about 3.4) and would give an off-topic answer a pass; the eval reports the
 * fitted map's held-out figures, and a calibration anchored at zero for empty answers is still to do.
 */
export const DEFAULT_CALIBRATION: Calibration = {
  intercept: 0,
  weights: { rubricScore: 1, coverage: 0, precision: 0, cosine: 0, lengthRatio: 0 },
  fittedOn: "uncalibrated (rubric score only)",
};

/** The calibrated score, before gates and caps, clipped to 0–5. */
export function calibratedScore(features: AnswerFeatures, calibration: Calibration): number {
  const value = FEATURE_NAMES.reduce((sum, name) => sum + calibration.weights[name] * features[name], calibration.intercept);
  return Math.min(5, Math.max(0, value));
}
