import { describe, expect, it } from "vitest";
import { accuracy, binarize, macroF1, meanAbsoluteError, pearson, rmse, summarizeScores } from "@/lib/grading/eval/metrics";

describe("pearson", () => {
  it("matches a hand-computed value: sxy 11, sxx 5, syy 26", () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 5, 9])).toBeCloseTo(11 / Math.sqrt(130), 12);
  });

  it("is 1 and -1 on perfect lines, whatever their scale", () => {
    expect(pearson([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(pearson([1, 2, 3], [3, 1, -1])).toBe(-1);
  });

  it("throws when r is undefined or the input is not usable", () => {
    expect(() => pearson([1, 1, 1], [1, 2, 3])).toThrow(/x is constant/);
    expect(() => pearson([1, 2, 3], [2, 2, 2])).toThrow(/y is constant/);
    expect(() => pearson([1], [1])).toThrow(/at least 2/);
    expect(() => pearson([1, 2], [1, 2, 3])).toThrow(/2 predictions but 3 gold/);
    expect(() => pearson([1, Number.NaN], [1, 2])).toThrow(/item 1 is NaN/);
  });
});

describe("rmse and meanAbsoluteError", () => {
  it("match hand-computed values: errors 0, -2, 2", () => {
    expect(rmse([1, 2, 3], [1, 4, 1])).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(meanAbsoluteError([1, 2, 3], [1, 4, 1])).toBeCloseTo(4 / 3, 12);
    expect(rmse([2, 2], [2, 2])).toBe(0);
  });

  it("throw on empty, mismatched or non-finite input", () => {
    expect(() => rmse([], [])).toThrow(/no items/);
    expect(() => meanAbsoluteError([1], [1, 2])).toThrow(/1 predictions but 2/);
    expect(() => rmse([Infinity], [1])).toThrow(/not a finite number/);
  });

  it("summarizeScores reports all three with n", () => {
    expect(summarizeScores([1, 2, 3, 4], [2, 4, 5, 9])).toEqual({
      n: 4,
      pearson: pearson([1, 2, 3, 4], [2, 4, 5, 9]),
      rmse: rmse([1, 2, 3, 4], [2, 4, 5, 9]),
      mae: 2.5,
    });
  });
});

describe("accuracy and macroF1", () => {
  it("accuracy counts exact label matches", () => {
    expect(accuracy([1, 0, 1, 1], [1, 1, 0, 1])).toBe(0.5);
    expect(accuracy(["correct", "incorrect"], ["correct", "correct"])).toBe(0.5);
  });

  it("macroF1 averages the per-class F1: 2/3 for class 1 and 1/2 for class 0", () => {
    expect(macroF1([1, 0, 1, 1, 0], [1, 1, 0, 1, 0])).toBeCloseTo(7 / 12, 12);
  });

  it("charges 0 for a class that is never predicted", () => {
    // Class 0: tp 2, fp 1, fn 0 gives 0.8; class 1 never predicted gives 0.
    expect(macroF1([0, 0, 0], [1, 0, 0])).toBeCloseTo(0.4, 12);
    // Given labels count even when neither side holds them.
    expect(macroF1([0, 0], [0, 0], [0, 1])).toBe(0.5);
    expect(macroF1([0, 0], [0, 0])).toBe(1);
  });

  it("throw on mismatched or empty input", () => {
    expect(() => accuracy([1], [])).toThrow(/1 predictions but 0/);
    expect(() => macroF1([], [])).toThrow(/no items/);
    expect(() => macroF1([Number.NaN], [1])).toThrow(/not a finite number/);
  });
});

describe("binarize", () => {
  it("reads scores at or above the threshold as 1", () => {
    expect(binarize([0.2, 0.5, 0.7], 0.5)).toEqual([0, 1, 1]);
    expect(() => binarize([0.2], Number.NaN)).toThrow(/threshold/);
  });
});
