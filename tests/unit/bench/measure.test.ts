import { describe, expect, it } from "vitest";
import { percentiles } from "@/lib/cli/bench/measure";

describe("percentiles", () => {
  it("takes the nearest rank: the smallest time with at least that share at or below it", () => {
    const times = Array.from({ length: 100 }, (_, index) => 100 - index); // 100..1, unsorted on purpose
    expect(percentiles(times)).toEqual({ p50: 50, p95: 95 });
  });

  it("gives the only time for one time, and the larger for two", () => {
    expect(percentiles([7.123])).toEqual({ p50: 7.12, p95: 7.12 });
    expect(percentiles([3, 9])).toEqual({ p50: 3, p95: 9 });
  });

  it("rounds to the digits asked for and gives zeros for no times", () => {
    expect(percentiles([1.23456, 2.34567, 3.45678], 3)).toEqual({ p50: 2.346, p95: 3.457 });
    expect(percentiles([])).toEqual({ p50: 0, p95: 0 });
  });

  it("does not reorder the caller's array", () => {
    const times = [3, 1, 2];
    percentiles(times);
    expect(times).toEqual([3, 1, 2]);
  });
});
