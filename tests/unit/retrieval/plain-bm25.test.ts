import { describe, expect, it } from "vitest";
import { bm25Tokens, LUCENE_STOP_WORDS, PlainBm25 } from "@/lib/retrieval/eval/plain-bm25";

describe("bm25Tokens", () => {
  it("lowercases, splits on non-word characters and drops stop words, question words included", () => {
    expect(bm25Tokens("How does K-Means work? It's 2x FASTER")).toEqual(["k", "means", "work", "s", "2x", "faster"]);
    expect(bm25Tokens("What is the café", LUCENE_STOP_WORDS)).toEqual(["what", "café"]);
  });
});

describe("PlainBm25", () => {
  // Tokens after stop words: [cat, sat], [cat, cat, dog], [dog, runs], [] — 7 in all, avgdl 7/4.
  const docs = ["The cat sat", "cat cat dog", "dog runs", "What is it?"];
  const bm25 = new PlainBm25(docs);
  // k1 0.9, b 0.4; idf(cat) = ln(1 + (4 − 2 + 0.5) / (2 + 0.5)) = ln 2.
  const catInDoc0 = (Math.LN2 * 1 * 1.9) / (1 + 0.9 * (0.6 + 0.4 * (2 / 1.75)));
  const catInDoc1 = (Math.LN2 * 2 * 1.9) / (2 + 0.9 * (0.6 + 0.4 * (3 / 1.75)));

  it("scores by BM25 with Lucene's idf and ranks best first", () => {
    const hits = bm25.search("cat", 10);
    expect(hits.map((hit) => hit.doc)).toEqual([1, 0]);
    expect(hits[0]!.score).toBeCloseTo(catInDoc1, 10);
    expect(hits[1]!.score).toBeCloseTo(catInDoc0, 10);
    expect(catInDoc0).toBeCloseTo(0.67488, 4);
  });

  it("sums over query terms, ignores stop words and weighs a repeated query term by its count", () => {
    const idfRuns = Math.log(1 + 3.5 / 1.5);
    const runsInDoc2 = (idfRuns * 1.9) / (1 + 0.9 * (0.6 + 0.4 * (2 / 1.75)));
    const hits = bm25.search("What do the dog runs do?", 10);
    expect(hits.map((hit) => hit.doc)).toEqual([2, 1]);
    expect(hits[0]!.score).toBeCloseTo(catInDoc0 + runsInDoc2, 10); // dog in doc 2 scores as cat in doc 0
    expect(bm25.search("cat cat", 1)[0]!.score).toBeCloseTo(2 * catInDoc1, 10);
  });

  it("keeps at most k hits and breaks ties by document order", () => {
    const twins = new PlainBm25(["alpha beta", "gamma", "alpha beta", "alpha beta"]);
    expect(twins.search("alpha", 2).map((hit) => hit.doc)).toEqual([0, 2]);
    expect(twins.search("alpha", 100).map((hit) => hit.doc)).toEqual([0, 2, 3]);
    expect(twins.search("alpha", 0)).toEqual([]);
  });

  it("normalises for length by b: with b = 0 a longer document with the same tf ties", () => {
    const corpus = ["topic", "topic filler filler filler", "other"];
    const [shortDoc, longDoc] = new PlainBm25(corpus).search("topic", 2);
    expect(shortDoc!.doc).toBe(0);
    expect(shortDoc!.score).toBeGreaterThan(longDoc!.score);
    const flat = new PlainBm25(corpus, { b: 0 }).search("topic", 2);
    expect(flat[0]!.score).toBeCloseTo(flat[1]!.score, 12);
  });

  it("returns nothing for a query with no indexed term and searches repeatably", () => {
    expect(bm25.search("the unknown", 5)).toEqual([]);
    expect(bm25.search("cat", 10)).toEqual(bm25.search("cat", 10));
  });
});
