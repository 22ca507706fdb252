/**
 * Agreement between a grader's scores and human grades: Pearson r, RMSE and mean absolute error for
 * scores, accuracy and macro-F1 for verdicts. Every function throws on mismatched lengths, on no
 * items and on a value that is not a finite number: each of these is a caller's bug that would
 * otherwise come out as a plausible-looking figure (or a NaN in a report).
 */

/** Pearson's correlation coefficient between `x` and `y`. Throws when either is constant (r is undefined). */
export function pearson(x: readonly number[], y: readonly number[]): number {
  checkPaired(x, y, "pearson");
  if (x.length < 2) throw new Error("pearson: needs at least 2 items");
  const meanX = mean(x);
  const meanY = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i += 1) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) throw new Error(`pearson: ${sxx === 0 ? "x" : "y"} is constant, so r is undefined`);
  // Clamp the last-bit rounding of a perfect correlation back into [-1, 1].
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Root mean squared error of `predicted` against `gold`. */
export function rmse(predicted: readonly number[], gold: readonly number[]): number {
  checkPaired(predicted, gold, "rmse");
  let sum = 0;
  for (let i = 0; i < gold.length; i += 1) sum += (predicted[i]! - gold[i]!) ** 2;
  return Math.sqrt(sum / gold.length);
}

/** Mean absolute error of `predicted` against `gold`. */
export function meanAbsoluteError(predicted: readonly number[], gold: readonly number[]): number {
  checkPaired(predicted, gold, "meanAbsoluteError");
  let sum = 0;
  for (let i = 0; i < gold.length; i += 1) sum += Math.abs(predicted[i]! - gold[i]!);
  return sum / gold.length;
}

/** Fraction of items whose predicted label equals the gold label (labels compared with `===`). */
export function accuracy<T extends string | number>(predicted: readonly T[], gold: readonly T[]): number {
  checkLabels(predicted, gold, "accuracy");
  let hits = 0;
  for (let i = 0; i < gold.length; i += 1) if (predicted[i] === gold[i]) hits += 1;
  return hits / gold.length;
}

/**
 * The unweighted mean over classes of each class's F1 (2·tp / (2·tp + fp + fn), 0 for a class that is
 * neither predicted correctly nor at all), as scikit-learn's `f1_score(average="macro")` computes it.
 * The classes are `labels` when given (for 2-way verdicts pass both, e.g. [0, 1], so a grader that
 * never says "correct" is charged an F1 of 0 for it), otherwise every label seen in `gold` or `predicted`.
 */
export function macroF1<T extends string | number>(predicted: readonly T[], gold: readonly T[], labels?: readonly T[]): number {
  checkLabels(predicted, gold, "macroF1");
  const classes = labels ?? [...new Set([...gold, ...predicted])];
  if (classes.length === 0) throw new Error("macroF1: no classes");
  let sum = 0;
  for (const label of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i += 1) {
      const p = predicted[i] === label;
      const g = gold[i] === label;
      if (p && g) tp += 1;
      else if (p) fp += 1;
      else if (g) fn += 1;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / classes.length;
}

/** Scores at or above `threshold` become 1, the rest 0: a score grader read as a 2-way verdict. */
export function binarize(scores: readonly number[], threshold: number): number[] {
  checkFinite(scores, "binarize");
  if (!Number.isFinite(threshold)) throw new Error("binarize: threshold is not a finite number");
  return scores.map((score) => (score >= threshold ? 1 : 0));
}

export interface RegressionSummary {
  n: number;
  pearson: number;
  rmse: number;
  mae: number;
}

/** Pearson r, RMSE and MAE of `predicted` against `gold` in one object, for reports. */
export function summarizeScores(predicted: readonly number[], gold: readonly number[]): RegressionSummary {
  return { n: gold.length, pearson: pearson(predicted, gold), rmse: rmse(predicted, gold), mae: meanAbsoluteError(predicted, gold) };
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function checkPaired(a: readonly number[], b: readonly number[], name: string): void {
  if (a.length !== b.length) throw new Error(`${name}: ${a.length} predictions but ${b.length} gold values`);
  if (a.length === 0) throw new Error(`${name}: no items`);
  checkFinite(a, name);
  checkFinite(b, name);
}

function checkFinite(values: readonly number[], name: string): void {
  const bad = values.findIndex((value) => typeof value !== "number" || !Number.isFinite(value));
  if (bad >= 0) throw new Error(`${name}: item ${bad} is ${String(values[bad])}, not a finite number`);
}

function checkLabels(a: readonly (string | number)[], b: readonly (string | number)[], name: string): void {
  if (a.length !== b.length) throw new Error(`${name}: ${a.length} predictions but ${b.length} gold labels`);
  if (a.length === 0) throw new Error(`${name}: no items`);
  const bad = [...a, ...b].findIndex((label) => typeof label === "number" && !Number.isFinite(label));
  if (bad >= 0) throw new Error(`${name}: a label is ${String([...a, ...b][bad])}, not a finite number`);
}
