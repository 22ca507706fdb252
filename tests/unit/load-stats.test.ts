import { describe, expect, it } from "vitest";
import { linearSlope, percentile } from "../load/load-stats";

describe("load test figures", () => {
  it("takes percentiles by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it("fits the slope of a memory curve", () => {
    expect(linearSlope([{ x: 0, y: 100 }, { x: 1, y: 102 }, { x: 2, y: 104 }])).toBeCloseTo(2);
    expect(linearSlope([{ x: 0, y: 5 }, { x: 1, y: 5 }])).toBe(0);
    expect(linearSlope([{ x: 3, y: 1 }])).toBe(0);
  });
});
