import { describe, expect, it } from "vitest";
import type { GradingItem } from "@/lib/grading/eval/datasets";
import { pearson } from "@/lib/grading/eval/metrics";
import { tfidfCosines, tfidfGroupedBaseline, tfidfSplitBaseline, tfidfTokens } from "@/lib/grading/eval/tfidf-baseline";

describe("tfidfTokens", () => {
  it("lowercases runs of letters and digits and splits on everything else", () => {
    expect(tfidfTokens("K-Means, it's O(n)! Café 42")).toEqual(["k", "means", "it", "s", "o", "n", "café", "42"]);
  });
});

describe("tfidfCosines", () => {
  it("matches hand-computed cosines with idf ln(N / df) over references and answers", () => {
    // Documents: "a b", "a c", "a b", "b b": N 4, df a 3, b 3, c 1.
    const l = Math.log(4 / 3);
    const c = Math.log(4);
    const [first, second] = tfidfCosines([
      { reference: "a b", answer: "a c" },
      { reference: "A b", answer: "b, B" },
    ]);
    expect(first).toBeCloseTo(l / (Math.SQRT2 * Math.sqrt(l * l + c * c)), 12);
    expect(second).toBeCloseTo(1 / Math.SQRT2, 12);
  });

  it("gives 0 for an empty side and for terms found in every document", () => {
    expect(tfidfCosines([{ reference: "the", answer: "the" }])).toEqual([0]);
    expect(tfidfCosines([{ reference: "heap", answer: "" }, { reference: "heap", answer: "tree" }])).toEqual([0, 0]);
  });

  it("uses the given idf documents, giving unseen terms no weight", () => {
    expect(tfidfCosines([{ reference: "x y", answer: "x z" }], ["x", "y", "q"])[0]).toBeCloseTo(1 / Math.SQRT2, 12);
  });
});

const item = (id: number, group: string, split: GradingItem["split"], answer: string, gold: number, max = 5): GradingItem => ({
  id: String(id),
  group,
  questionId: group,
  split,
  question: "q",
  reference: "a stack is last in first out",
  references: ["a stack is last in first out"],
  answer,
  gold,
  scale: { min: 0, max },
});

describe("tfidf baselines", () => {
  const answers: [string, number][] = [
    ["a stack is last in first out", 5],
    ["stack last in first out", 4],
    ["it is first out", 2],
    ["queue", 0],
  ];

  it("groups: reports the raw cosine's r and clipped held-out predictions", () => {
    const items = ["1", "2", "3"].flatMap((group, g) => answers.map(([answer, gold], i) => item(g * 10 + i, group, "all", answer, gold)));
    const result = tfidfGroupedBaseline(items);
    expect(result.groups).toBe(3);
    expect(result.rawPearson).toBeCloseTo(pearson(tfidfCosines(items), items.map((it) => it.gold)), 12);
    expect(result.predictions.every((value) => value >= 0 && value <= 5)).toBe(true);
    expect(result.heldOut.n).toBe(12);
  });

  it("splits: fits on train, measures on the test split, as a score or a verdict", () => {
    const rows = (split: GradingItem["split"], offset: number) =>
      answers.map(([answer, gold], i) => item(offset + i, `q${i}`, split, answer, gold >= 3 ? 1 : 0, 1));
    const items = [...rows("train", 0), ...rows("train", 10), ...rows("test_ua", 20)];
    const verdict = tfidfSplitBaseline(items, "test_ua", "verdict");
    expect(verdict).toMatchObject({ task: "verdict", train: 8, test: 4, accuracy: 1, macroF1: 1, positiveRate: 0.5 });
    const score = tfidfSplitBaseline(items, "test_ua", "score");
    expect(score).toMatchObject({ task: "score", train: 8, test: 4 });
    expect(() => tfidfSplitBaseline(items, "test_uq", "score")).toThrow(/no test_uq items/);
  });
});
