import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMlQuestions, normalizeWhitespace } from "@/lib/retrieval/eval/mlquestions";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "mlquestions-"));
  // The pool's target_text holds questions; the loader must never treat them as passages.
  await writeFile(
    path.join(dir, "test_passages.tsv"),
    '\tinput_text\ttarget_text\n0\tAlpha passage.\tQ0\n1\tBeta  passage.\tQ1\n2\tAlpha passage.\tQ2\n3\t"Beta passage."\tQ3\n',
  );
  await writeFile(path.join(dir, "test.tsv"), "\tinput_text\ttarget_text\tindexes\n9\tBeta passage.\tWhat is beta\t9\n");
  await writeFile(
    path.join(dir, "dev.tsv"),
    "\tinput_text\ttarget_text\tindexes\n4\tGamma passage.\tWhat is  gamma\t4\n5\tAlpha passage.\tWhat is alpha\t5\n6\tGamma passage.\tGamma again\t6\n",
  );
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe("loadMlQuestions", () => {
  it("pools the distinct passages, whitespace collapsed, and points each question at its gold by text", async () => {
    const data = await loadMlQuestions({ dir, split: "test" });
    expect(data.passages).toEqual(["Alpha passage.", "Beta passage."]);
    expect(data.queries).toEqual([{ question: "What is beta", goldPassage: 1 }]);
    expect(data.stats).toEqual({ poolRows: 4, poolPassages: 2, goldsAddedToPool: 0 });
  });

  it("appends a gold passage missing from the pool once", async () => {
    const data = await loadMlQuestions({ dir, split: "dev" });
    expect(data.passages).toEqual(["Alpha passage.", "Beta passage.", "Gamma passage."]);
    expect(data.queries.map((query) => query.goldPassage)).toEqual([2, 0, 2]);
    expect(data.queries[0]!.question).toBe("What is gamma");
    expect(data.stats.goldsAddedToPool).toBe(1);
  });
});

describe("normalizeWhitespace", () => {
  it("collapses runs of any whitespace and trims", () => {
    expect(normalizeWhitespace(" a \t b\n\u00a0c ")).toBe("a b c");
  });
});
