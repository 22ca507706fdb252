import { describe, expect, it } from "vitest";
import { clip, fitAndPredict, fitLinear, fitLogistic, leaveOneGroupOut, solveSymmetric, type FitFunction } from "@/lib/grading/eval/cross-validation";

describe("leaveOneGroupOut", () => {
  it("predicts every item from a model fitted on the other groups only, in input order", () => {
    const meanOfTraining: FitFunction = (_X, y) => {
      const mean = y.reduce((sum, value) => sum + value, 0) / y.length;
      return () => mean;
    };
    const predictions = leaveOneGroupOut([[0], [0], [0], [0]], [1, 2, 3, 6], ["a", "b", "a", "c"], meanOfTraining);
    expect(predictions[0]).toBeCloseTo(4, 12); // a held out: mean of 2 and 6
    expect(predictions[1]).toBeCloseTo(10 / 3, 12); // b held out: mean of 1, 3, 6
    expect(predictions[2]).toBeCloseTo(4, 12);
    expect(predictions[3]).toBeCloseTo(2, 12); // c held out: mean of 1, 2, 3
  });

  it("never lets a model see its own group: a memoriser gets nothing right", () => {
    const seen: number[][] = [];
    const memoriser: FitFunction = (X, y) => {
      seen.push(X.map((row) => row[0]!));
      const table = new Map(X.map((row, i) => [row[0]!, y[i]!]));
      return (features) => table.get(features[0]!) ?? -1;
    };
    const X = [[1], [2], [3], [4], [5]];
    const y = [10, 20, 30, 40, 50];
    const groups = ["a", "a", "b", "c", "c"];
    expect(leaveOneGroupOut(X, y, groups, memoriser)).toEqual([-1, -1, -1, -1, -1]);
    expect(seen).toEqual([[3, 4, 5], [1, 2, 4, 5], [1, 2, 3]]);
  });

  it("throws on unusable input and on a non-finite prediction", () => {
    const constant: FitFunction = () => () => 0;
    expect(() => leaveOneGroupOut([[1]], [1, 2], ["a"], constant)).toThrow(/1 feature rows, 2 targets and 1 group labels/);
    expect(() => leaveOneGroupOut([[1], [2]], [1, 2], ["a", "a"], constant)).toThrow(/at least 2 groups/);
    expect(() => leaveOneGroupOut([[1], [2, 3]], [1, 2], ["a", "b"], constant)).toThrow(/row 1 has 2 features/);
    expect(() => leaveOneGroupOut([[1], [Number.NaN]], [1, 2], ["a", "b"], constant)).toThrow(/non-finite feature/);
    expect(() => leaveOneGroupOut([[1], [2]], [1, 2], ["a", "b"], () => () => Number.NaN)).toThrow(/without group "a" predicted NaN/);
  });
});

describe("fitLinear", () => {
  it("recovers slope and intercept of a perfect line", () => {
    const X = [[0], [1], [2], [3]];
    const y = X.map(([x]) => 2 * x! + 1);
    const exact = fitLinear(X, y, { ridge: 0 });
    expect(exact.weights[0]).toBeCloseTo(2, 10);
    expect(exact.intercept).toBeCloseTo(1, 10);
    expect(exact([10])).toBeCloseTo(21, 9);
    // The default ridge is small enough not to matter at this precision.
    expect(fitLinear(X, y).weights[0]).toBeCloseTo(2, 5);
  });

  it("matches the hand-computed least-squares line sxy / sxx = 11 / 5", () => {
    const model = fitLinear([[1], [2], [3], [4]], [2, 4, 5, 9], { ridge: 0 });
    expect(model.weights[0]).toBeCloseTo(2.2, 10);
    expect(model.intercept).toBeCloseTo(-0.5, 10);
  });

  it("recovers two weights on differently scaled features", () => {
    const X = [[0, 0], [1, 0], [0, 100], [1, 100], [2, 300]];
    const y = X.map(([a, b]) => 3 * a! - 0.02 * b! + 0.5);
    const model = fitLinear(X, y, { ridge: 0 });
    expect(model.weights[0]).toBeCloseTo(3, 9);
    expect(model.weights[1]).toBeCloseTo(-0.02, 9);
    expect(model.intercept).toBeCloseTo(0.5, 9);
  });

  it("gives a constant feature weight 0 and needs the ridge only for collinear features", () => {
    const withConstant = fitLinear([[1, 5], [2, 5], [3, 5]], [2, 4, 6], { ridge: 0 });
    expect(withConstant.weights).toEqual([expect.closeTo(2, 10), 0]);
    const duplicated = [[1, 1], [2, 2], [3, 3]];
    expect(() => fitLinear(duplicated, [2, 4, 6], { ridge: 0 })).toThrow(/singular/);
    expect(fitLinear(duplicated, [2, 4, 6])([4, 4])).toBeCloseTo(8, 4);
  });

  it("throws on unusable input", () => {
    expect(() => fitLinear([], [])).toThrow(/no training items/);
    expect(() => fitLinear([[1], [2]], [1])).toThrow(/2 feature rows but 1 targets/);
    expect(() => fitLinear([[1], [2]], [1, 2])([1, 2])).toThrow(/has 2 features, expected 1/);
  });
});

describe("fitLogistic", () => {
  it("reproduces the cell rates of one binary feature (the unpenalised MLE)", () => {
    const X = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const y = [0, 0, 0, 1, 1, 1, 1, 0];
    const model = fitLogistic(X, y, { l2: 0 });
    expect(model([0])).toBeCloseTo(0.25, 8);
    expect(model([1])).toBeCloseTo(0.75, 8);
    expect(model.weights[0]).toBeCloseTo(2 * Math.log(3), 7);
    expect(model.intercept).toBeCloseTo(-Math.log(3), 7);
  });

  it("stays finite on separable data under its L2 penalty, and is deterministic", () => {
    const X = [[0.1], [0.2], [0.3], [0.7], [0.8], [0.9]];
    const y = [0, 0, 0, 1, 1, 1];
    const a = fitLogistic(X, y);
    const b = fitLogistic(X, y);
    expect(a.weights).toEqual(b.weights);
    expect(Number.isFinite(a.weights[0]!)).toBe(true);
    expect(a([0.5])).toBeCloseTo(0.5, 6);
    expect(a([0.9])).toBeGreaterThan(0.99);
  });

  it("throws on targets that are not 0/1 or hold one class", () => {
    expect(() => fitLogistic([[1], [2]], [0, 2])).toThrow(/0 or 1/);
    expect(() => fitLogistic([[1], [2]], [1, 1])).toThrow(/one class/);
  });
});

describe("fitAndPredict, solveSymmetric and clip", () => {
  it("fitAndPredict fits on train and predicts each test row", () => {
    expect(fitAndPredict([[0], [1]], [1, 3], [[2], [3]], (X, y) => fitLinear(X, y, { ridge: 0 }))).toEqual([
      expect.closeTo(5, 9),
      expect.closeTo(7, 9),
    ]);
  });

  it("solveSymmetric solves a hand-checked 2x2 system", () => {
    const [x0, x1] = solveSymmetric([[4, 2], [2, 3]], [2, 1]);
    expect(x0).toBeCloseTo(0.5, 12);
    expect(x1).toBeCloseTo(0, 12);
  });

  it("clip limits a value to the scale", () => {
    const scale = { min: 0, max: 5 };
    expect([clip(-1, scale), clip(2.5, scale), clip(6, scale)]).toEqual([0, 2.5, 5]);
    expect(() => clip(Number.NaN, scale)).toThrow(/NaN/);
  });
});
