/**
 * Held-out predictions for the grading evaluation. Anything fitted to human grades (a map from a
 * grader's raw score to a dataset's scale, a threshold, feature weights) is fitted with whole groups
 * held out — Mohler's assignments, a dataset's questions — so that no figure is computed on an item
 * whose group, and so whose question and reference, took part in the fitting.
 */
import type { Features, FitFunction } from "./linear-models";

export { fitLinear, fitLogistic, solveSymmetric } from "./linear-models";
export type { Features, FitFunction, LinearModel, Predictor } from "./linear-models";

/**
 * Leave-one-group-out predictions: for each distinct group (in first-seen order), `fit` sees the
 * features and targets of every other group only, and predicts the held-out group's items. Returns
 * one prediction per item, in input order. Throws on mismatched lengths, ragged or non-finite
 * features, fewer than two groups, and a non-finite prediction.
 */
export function leaveOneGroupOut(X: Features, y: readonly number[], groups: readonly string[], fit: FitFunction): number[] {
  if (X.length !== y.length || X.length !== groups.length) {
    throw new Error(`leaveOneGroupOut: ${X.length} feature rows, ${y.length} targets and ${groups.length} group labels`);
  }
  if (X.length === 0) throw new Error("leaveOneGroupOut: no items");
  const width = X[0]!.length;
  X.forEach((row, i) => {
    if (row.length !== width) throw new Error(`leaveOneGroupOut: row ${i} has ${row.length} features, row 0 has ${width}`);
    if (row.some((value) => !Number.isFinite(value))) throw new Error(`leaveOneGroupOut: row ${i} holds a non-finite feature`);
  });
  if (y.some((value) => !Number.isFinite(value))) throw new Error("leaveOneGroupOut: a target is not a finite number");

  const members = new Map<string, number[]>();
  groups.forEach((group, i) => {
    const list = members.get(group);
    if (list) list.push(i);
    else members.set(group, [i]);
  });
  if (members.size < 2) throw new Error("leaveOneGroupOut: needs at least 2 groups");

  const predictions = new Array<number>(X.length).fill(Number.NaN);
  for (const [group, heldOut] of members) {
    const trainX: (readonly number[])[] = [];
    const trainY: number[] = [];
    groups.forEach((other, i) => {
      if (other === group) return;
      trainX.push(X[i]!);
      trainY.push(y[i]!);
    });
    const predict = fit(trainX, trainY);
    for (const i of heldOut) {
      const value = predict(X[i]!);
      if (!Number.isFinite(value)) throw new Error(`leaveOneGroupOut: the model fitted without group "${group}" predicted ${value}`);
      predictions[i] = value;
    }
  }
  return predictions;
}

/**
 * Fits on one split and predicts another (SciEntsBank's and SAF's published train/test splits).
 * Returns one prediction per test row.
 */
export function fitAndPredict(trainX: Features, trainY: readonly number[], testX: Features, fit: FitFunction): number[] {
  const predict = fit(trainX, trainY);
  return testX.map((row, i) => {
    const value = predict(row);
    if (!Number.isFinite(value)) throw new Error(`fitAndPredict: test row ${i} got the prediction ${value}`);
    return value;
  });
}

/** `value` limited to `scale` (a dataset's grade range): a linear map can step past either end. */
export function clip(value: number, scale: { min: number; max: number }): number {
  if (Number.isNaN(value)) throw new Error("clip: value is NaN");
  if (!(scale.min <= scale.max)) throw new Error(`clip: scale [${scale.min}, ${scale.max}] is empty`);
  return Math.min(scale.max, Math.max(scale.min, value));
}
