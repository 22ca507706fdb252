import { describe, expect, it } from "vitest";
import { firstGoldRank, rankingMetrics } from "@/lib/retrieval/eval/ranking-metrics";

describe("firstGoldRank", () => {
  it("gives the 1-based rank of the first gold item, or null", () => {
    expect(firstGoldRank([4, 2, 9], 9)).toBe(3);
    expect(firstGoldRank([4, 2, 9], new Set([9, 2]))).toBe(2);
    expect(firstGoldRank(["a", "b"], "c")).toBeNull();
  });
});

describe("rankingMetrics", () => {
  // First-gold ranks: 2, 6, 1 (gold set {0, 1}), none.
  const rankings = [[3, 1, 2], [5, 6, 7, 8, 9, 10], [1], []];
  const golds = [1, 10, new Set([0, 1]), 4];

  it("computes hit rate at each k and MRR with ranks past the cutoff counted as 0", () => {
    const metrics = rankingMetrics(rankings, golds, { ks: [1, 5, 6], mrrAt: 5 });
    expect(metrics.queries).toBe(4);
    expect(metrics.ranks).toEqual([2, 6, 1, null]);
    expect(metrics.hitAt).toEqual({ 1: 0.25, 5: 0.5, 6: 0.75 });
    // (1/2 + 0 + 1 + 0) / 4: rank 6 is past the MRR cutoff of 5.
    expect(metrics.mrr).toBeCloseTo(0.375, 12);
    expect(metrics.mrrAt).toBe(5);
  });

  it("defaults to hit@1, hit@5, hit@20 and MRR@20", () => {
    const metrics = rankingMetrics(rankings, golds);
    expect(Object.keys(metrics.hitAt)).toEqual(["1", "5", "20"]);
    expect(metrics.hitAt[20]).toBe(0.75);
    expect(metrics.mrr).toBeCloseTo((1 / 2 + 1 / 6 + 1) / 4, 12);
  });

  it("works with string ids", () => {
    const metrics = rankingMetrics([["x", "y"], ["z"]], ["y", new Set(["q"])], { ks: [1, 2], mrrAt: 2 });
    expect(metrics.hitAt).toEqual({ 1: 0, 2: 0.5 });
    expect(metrics.mrr).toBeCloseTo(0.25, 12);
  });

  it("rejects inputs that would give a misleading figure", () => {
    expect(() => rankingMetrics([[1]], [1, 2])).toThrow(/1 rankings but 2 gold/);
    expect(() => rankingMetrics([], [])).toThrow(/no queries/);
    expect(() => rankingMetrics([[1]], [1], { ks: [0] })).toThrow(/not a positive integer/);
    expect(() => rankingMetrics([[1]], [1], { mrrAt: 2.5 })).toThrow(/not a positive integer/);
    expect(() => rankingMetrics([[1]], [new Set<number>()])).toThrow(/query 0 has no gold items/);
  });
});
