import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalSaf, evalScientsBank } from "@/lib/cli/eval/grading-splits";

const QUESTIONS = [
  { id: "Q1", question: "Why does a magnet stick to a nail?", reference: "The nail is made of iron, and iron is attracted by the magnetic field of the magnet." },
  { id: "Q2", question: "Why does ice float on water?", reference: "Ice is less dense than liquid water, so the water pushes it up with a buoyant force." },
  { id: "Q3", question: "What makes a bulb light in a circuit?", reference: "A closed circuit lets electric current flow from the battery through the filament of the bulb." },
];
const RIGHT = ["Because the nail is iron and the magnetic field of the magnet attracts iron.", "Ice is less dense than the liquid water, so a buoyant force pushes it up.", "The circuit is closed, so current flows from the battery through the bulb's filament."];
const WRONG = ["Because the nail is sticky.", "Because it is cold.", "The bulb is new."];

const csv = (rows: string[][]) => rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\n");

/** Every split gets each question answered right and wrong, so both classes are there to fit and to measure. */
function scientsBankCsv(): string {
  const rows = [["split", "question_id", "module", "question", "reference_answer", "all_reference_answers", "answer_id", "student_answer", "label_2way", "source_file"]];
  for (const split of ["train", "test_ua", "test_uq", "test_ud"]) {
    QUESTIONS.forEach((q, index) => {
      rows.push([split, q.id, "M", q.question, q.reference, JSON.stringify([q.reference]), `${split}.${q.id}.right`, RIGHT[index]!, "correct", "x.xml"]);
      rows.push([split, q.id, "M", q.question, q.reference, JSON.stringify([q.reference]), `${split}.${q.id}.wrong`, WRONG[index]!, "incorrect", "x.xml"]);
    });
  }
  return csv(rows);
}

function safCsv(): string {
  const rows = [["split", "question_id", "module", "question", "reference_answer", "answer_id", "student_answer", "score", "verification_feedback", "response_feedback", "source_file"]];
  for (const split of ["train", "test_ua", "test_uq"]) {
    QUESTIONS.forEach((q, index) => {
      rows.push([split, q.id, "M", q.question, q.reference, `${split}.${q.id}.right`, RIGHT[index]!, "1", "Correct", "Well done.", "x.json"]);
      rows.push([split, q.id, "M", q.question, q.reference, `${split}.${q.id}.wrong`, WRONG[index]!, "0", "Incorrect", "No.", "x.json"]);
    });
  }
  return csv(rows);
}

describe("eval grading on SciEntsBank and SAF splits", () => {
  let datasetsDir: string;
  beforeAll(async () => {
    datasetsDir = await mkdtemp(path.join(os.tmpdir(), "coach-grading-splits-"));
    await mkdir(path.join(datasetsDir, "scientsbank"));
    await mkdir(path.join(datasetsDir, "saf"));
    await writeFile(path.join(datasetsDir, "scientsbank", "scientsbank_2way.csv"), scientsBankCsv());
    await writeFile(path.join(datasetsDir, "saf", "saf_english.csv"), safCsv());
  });
  afterAll(() => rm(datasetsDir, { recursive: true, force: true }));

  it("reads the offline grader as a verdict on each unseen split, beside the baselines", async () => {
    const figures = await evalScientsBank({ datasetsDir });
    expect(figures.train).toBe(6);
    expect(figures.splits.map((split) => [split.split, split.answers])).toEqual([["test_ua", 6], ["test_uq", 6], ["test_ud", 6]]);
    for (const split of figures.splits) {
      expect(split.offline).toEqual({ accuracy: 1, macroF1: 1 });
      expect(split.majority.accuracy).toBe(0.5);
    }
  });

  it("correlates the offline grader's score with SAF's on each unseen split", async () => {
    const figures = await evalSaf({ datasetsDir });
    expect(figures.splits.map((split) => split.split)).toEqual(["test_ua", "test_uq"]);
    for (const split of figures.splits) {
      expect(split.offline.pearson).toBeGreaterThan(0.9);
      expect(split.offlineFitted.rmse).toBeLessThan(0.1);
    }
  });
});
