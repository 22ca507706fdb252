/**
 * The two small models the grading evaluation fits, written out rather than pulled from a library so
 * a figure can be traced to arithmetic: ridge-regularised least squares (scores) and L2-regularised
 * logistic regression (2-way verdicts). Both standardise each feature on the training data first,
 * so one penalty means the same for a cosine in [0, 1] and a word count in the hundreds; a feature
 * that is constant in training carries no information and gets weight 0. Both are deterministic.
 */

/** Feature vectors, one row per item, every row the same length. */
export type Features = readonly (readonly number[])[];
/** A fitted model: maps one feature vector to a prediction. */
export type Predictor = (features: readonly number[]) => number;
/** Fits a model to `X` and targets `y`; leaveOneGroupOut calls it once per held-out group. */
export type FitFunction = (X: Features, y: readonly number[]) => Predictor;

/** A fitted linear model; `weights` and `intercept` are in the original feature units. */
export type LinearModel = Predictor & { weights: number[]; intercept: number };

/**
 * Ordinary least squares with an intercept and a ridge penalty of `ridge` on the standardised
 * weights (never the intercept), solved from the normal equations by Cholesky. The penalty is per
 * item (the equations are divided by n), so its strength does not shrink as data grow; the default
 * 1e-6 only keeps collinear features solvable. Pass `ridge: 0` for plain OLS.
 */
export function fitLinear(X: Features, y: readonly number[], options: { ridge?: number } = {}): LinearModel {
  const ridge = options.ridge ?? 1e-6;
  if (!(ridge >= 0)) throw new Error("fitLinear: ridge must be a number >= 0");
  const { n, p, means, scales, z } = standardize(X, y, "fitLinear");
  const yMean = y.reduce((sum, value) => sum + value, 0) / n;
  const a = Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, k) => (j === k ? ridge : 0)));
  const b = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i += 1) {
    const row = z[i]!;
    for (let j = 0; j < p; j += 1) {
      b[j]! += (row[j]! * (y[i]! - yMean)) / n;
      for (let k = 0; k <= j; k += 1) a[j]![k]! += (row[j]! * row[k]!) / n;
    }
  }
  pinDropped(a, b, scales);
  const w = solveSymmetric(a, b, "fitLinear");
  return toModel(w, yMean, means, scales, (t) => t);
}

/**
 * Logistic regression for 0/1 targets by Newton's method (IRLS) with step halving, an L2 penalty of
 * `l2` per item on the standardised weights (never the intercept). The model returns P(y = 1).
 * Throws when `y` holds one class only, where the best intercept is infinite.
 */
export function fitLogistic(
  X: Features,
  y: readonly number[],
  options: { l2?: number; maxIterations?: number; tolerance?: number } = {},
): LinearModel {
  const l2 = options.l2 ?? 1e-4;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  if (!(l2 >= 0)) throw new Error("fitLogistic: l2 must be a number >= 0");
  if (y.some((value) => value !== 0 && value !== 1)) throw new Error("fitLogistic: targets must be 0 or 1");
  if (!y.includes(0) || !y.includes(1)) throw new Error("fitLogistic: targets hold one class only");
  const { n, p, means, scales, z } = standardize(X, y, "fitLogistic");
  // theta[0] is the intercept, theta[j + 1] the weight of standardised feature j.
  let theta = new Array<number>(p + 1).fill(0);
  const loss = (t: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      const s = linear(t, z[i]!);
      sum += Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s))) - y[i]! * s;
    }
    return sum / n + (l2 / 2) * t.slice(1).reduce((acc, w) => acc + w * w, 0);
  };
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    const h = Array.from({ length: p + 1 }, (_, j) => Array.from({ length: p + 1 }, (_, k) => (j === k && j > 0 ? l2 : 0)));
    const g = theta.map((w, j) => (j > 0 ? l2 * w : 0));
    for (let i = 0; i < n; i += 1) {
      const row = [1, ...z[i]!];
      const prob = sigmoid(linear(theta, z[i]!));
      const weight = Math.max(prob * (1 - prob), 1e-12);
      for (let j = 0; j <= p; j += 1) {
        g[j]! += ((prob - y[i]!) * row[j]!) / n;
        for (let k = 0; k <= j; k += 1) h[j]![k]! += (weight * row[j]! * row[k]!) / n;
      }
    }
    pinDropped(h, g, [1, ...scales]);
    const step = solveSymmetric(h, g, "fitLogistic");
    const before = loss(theta);
    let scale = 1;
    let next = theta.map((w, j) => w - step[j]!);
    while (loss(next) > before && scale > 1e-6) {
      scale /= 2;
      next = theta.map((w, j) => w - scale * step[j]!);
    }
    // No step lowers the loss any more: theta is the optimum up to rounding.
    if (loss(next) > before) break;
    theta = next;
    if (Math.max(...step.map((s) => Math.abs(s * scale))) < tolerance) break;
  }
  return toModel(theta.slice(1), theta[0]!, means, scales, sigmoid);
}

/** Solves A x = b for a symmetric positive-definite A given by its lower triangle, by Cholesky. */
export function solveSymmetric(a: readonly (readonly number[])[], b: readonly number[], name = "solveSymmetric"): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j += 1) {
    let diagonal = a[j]![j]!;
    for (let k = 0; k < j; k += 1) diagonal -= l[j]![k]! ** 2;
    if (!(diagonal > 1e-14 * Math.max(1, Math.abs(a[j]![j]!)))) {
      throw new Error(`${name}: the normal equations are singular (collinear features); use a ridge penalty`);
    }
    l[j]![j] = Math.sqrt(diagonal);
    for (let i = j + 1; i < n; i += 1) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k += 1) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = sum / l[j]![j]!;
    }
  }
  const forward = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i += 1) {
    let sum = b[i]!;
    for (let k = 0; k < i; k += 1) sum -= l[i]![k]! * forward[k]!;
    forward[i] = sum / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = forward[i]!;
    for (let k = i + 1; k < n; k += 1) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

function standardize(X: Features, y: readonly number[], name: string) {
  const n = X.length;
  if (n === 0) throw new Error(`${name}: no training items`);
  if (y.length !== n) throw new Error(`${name}: ${n} feature rows but ${y.length} targets`);
  const p = X[0]!.length;
  if (p === 0) throw new Error(`${name}: feature vectors are empty`);
  X.forEach((row, i) => checkRow(row, p, `${name}: row ${i}`));
  if (y.some((value) => !Number.isFinite(value))) throw new Error(`${name}: a target is not a finite number`);
  const means = Array.from({ length: p }, (_, j) => X.reduce((sum, row) => sum + row[j]!, 0) / n);
  const scales = means.map((m, j) => {
    const sd = Math.sqrt(X.reduce((sum, row) => sum + (row[j]! - m) ** 2, 0) / n);
    // A constant feature (up to rounding) is dropped rather than blown up by a tiny scale.
    return sd > 1e-12 * Math.max(1, Math.abs(m)) ? sd : 0;
  });
  const z = X.map((row) => row.map((value, j) => (scales[j] === 0 ? 0 : (value - means[j]!) / scales[j]!)));
  return { n, p, means, scales, z };
}

/** Fixes the weight of a dropped (scale 0) feature at 0 by making its equation read 1·w = 0. */
function pinDropped(a: number[][], b: number[], scales: readonly number[]): void {
  scales.forEach((scale, j) => {
    if (scale !== 0) return;
    a[j]!.fill(0);
    for (const row of a) row[j] = 0;
    a[j]![j] = 1;
    b[j] = 0;
  });
}

function toModel(w: readonly number[], zIntercept: number, means: number[], scales: number[], link: (t: number) => number): LinearModel {
  const weights = w.map((value, j) => (scales[j] === 0 ? 0 : value / scales[j]!));
  const intercept = zIntercept - weights.reduce((sum, value, j) => sum + value * means[j]!, 0);
  const predict = (features: readonly number[]) => {
    checkRow(features, weights.length, "predict");
    return link(features.reduce((sum, value, j) => sum + value * weights[j]!, intercept));
  };
  return Object.assign(predict, { weights, intercept });
}

function checkRow(row: readonly number[], p: number, where: string): void {
  if (row.length !== p) throw new Error(`${where} has ${row.length} features, expected ${p}`);
  if (row.some((value) => !Number.isFinite(value))) throw new Error(`${where} holds a value that is not a finite number`);
}

function linear(theta: readonly number[], row: readonly number[]): number {
  let sum = theta[0]!;
  for (let j = 0; j < row.length; j += 1) sum += theta[j + 1]! * row[j]!;
  return sum;
}

function sigmoid(t: number): number {
  return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
}
