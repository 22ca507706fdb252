import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemsInSplit, loadSaf, parseMohler, parseSaf, parseScientsBank } from "@/lib/grading/eval/datasets";

const MOHLER = [
  "id,question,desired_answer,student_answer,score_me,score_other,score_avg",
  '1.1,What is a stack?,"LIFO, push and pop.",A pile.,4,3,3.5',
  '1.1,What is a stack?,"LIFO, push and pop.","Last in, ""first"" out.",5,5,5',
  "2.3,What is a queue?,FIFO.,First in first out.,5,4,4.5",
].join("\n");

describe("parseMohler", () => {
  it("takes score_avg on 0-5 as gold, the assignment as group and numbers answers per question", () => {
    const items = parseMohler(MOHLER);
    expect(items.map((item) => [item.id, item.group, item.questionId, item.gold])).toEqual([
      ["1.1#1", "1", "1.1", 3.5],
      ["1.1#2", "1", "1.1", 5],
      ["2.3#1", "2", "2.3", 4.5],
    ]);
    expect(items[1]).toMatchObject({
      split: "all",
      reference: "LIFO, push and pop.",
      references: ["LIFO, push and pop."],
      answer: 'Last in, "first" out.',
      scale: { min: 0, max: 5 },
    });
  });

  it("rejects a score off the scale, a malformed id and a missing column", () => {
    expect(() => parseMohler(MOHLER.replace(",4.5", ",6"))).toThrow(/row 3 score_avg: "6" is not a number from 0 to 5/);
    expect(() => parseMohler(MOHLER.replace("2.3,", "x,"))).toThrow(/id "x"/);
    expect(() => parseMohler("id,question\n1.1,q\n")).toThrow(/missing column\(s\) desired_answer, student_answer, score_avg/);
  });
});

const SCIENTSBANK_HEADER = "split,question_id,module,question,reference_answer,all_reference_answers,answer_id,student_answer,label_2way,source_file";
const scientsBankRow = (split: string, label: string, refs = '"[""Ref, one"", ""Ref two""]"') =>
  `${split},EM_45b,EM,How?,"Ref, one",${refs},EM.45b.${split}.${label},We did it.,${label},x.xml`;

describe("parseScientsBank", () => {
  it("maps correct to 1 and incorrect to 0, keeping every reference", () => {
    const text = [SCIENTSBANK_HEADER, scientsBankRow("train", "correct"), scientsBankRow("test_uq", "incorrect")].join("\r\n");
    const items = parseScientsBank(text);
    expect(items.map((item) => [item.split, item.gold, item.label, item.group])).toEqual([
      ["train", 1, "correct", "EM_45b"],
      ["test_uq", 0, "incorrect", "EM_45b"],
    ]);
    expect(items[0]).toMatchObject({ reference: "Ref, one", references: ["Ref, one", "Ref two"], scale: { min: 0, max: 1 } });
    expect(itemsInSplit(items, "test_uq")).toHaveLength(1);
  });

  it("rejects an unknown label or split and a reference list that does not start with reference_answer", () => {
    expect(() => parseScientsBank([SCIENTSBANK_HEADER, scientsBankRow("train", "partial")].join("\n"))).toThrow(/label_2way "partial"/);
    expect(() => parseScientsBank([SCIENTSBANK_HEADER, scientsBankRow("dev", "correct")].join("\n"))).toThrow(/unknown split "dev"/);
    const wrongFirst = scientsBankRow("train", "correct", '"[""Ref two""]"');
    expect(() => parseScientsBank([SCIENTSBANK_HEADER, wrongFirst].join("\n"))).toThrow(/not the first of all_reference_answers/);
  });
});

const SAF = [
  "split,question_id,module,question,reference_answer,answer_id,student_answer,score,verification_feedback,response_feedback,source_file",
  'train,2.1,LM,"State two\nthings.","One\nTwo",LM_2.1.1,"One, and\ntwo.",1,Correct,"Well done.",a.xml',
  "test_ua,2.1,DLL,Why?,Because.,DLL_2.1.1,,0,Incorrect,The response is empty.,b.xml",
  "test_uq,11.1,SDN,What?,That.,SDN_11.1.1,That-ish.,0.625,Partially correct,Close.,c.xml",
].join("\r\n");

describe("parseSaf", () => {
  it("keeps the 0-1 score, the verdict and the feedback, and tells repeated question ids apart by module", () => {
    const items = parseSaf(SAF);
    expect(items.map((item) => [item.id, item.split, item.group, item.gold, item.label])).toEqual([
      ["LM_2.1.1", "train", "LM/2.1", 1, "Correct"],
      ["DLL_2.1.1", "test_ua", "DLL/2.1", 0, "Incorrect"],
      ["SDN_11.1.1", "test_uq", "SDN/11.1", 0.625, "Partially correct"],
    ]);
    expect(items[0]).toMatchObject({ question: "State two\nthings.", reference: "One\nTwo", answer: "One, and\ntwo.", feedback: "Well done." });
  });

  it("rejects a repeated answer id", () => {
    const lines = SAF.split("\r\n");
    expect(() => parseSaf([...lines, lines[3]].join("\r\n"))).toThrow(/item id "SDN_11.1.1" appears twice/);
  });
});

describe("loadSaf", () => {
  it("reads saf_english.csv from the given folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "saf-"));
    try {
      await writeFile(path.join(dir, "saf_english.csv"), SAF);
      expect((await loadSaf(dir)).map((item) => item.id)).toEqual(["LM_2.1.1", "DLL_2.1.1", "SDN_11.1.1"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
