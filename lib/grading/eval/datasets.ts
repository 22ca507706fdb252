/**
 * The three human-graded short-answer datasets of ../shared/datasets/ as one item shape, so a grader
 * is measured the same way on each. Every item keeps the dataset's own scale (`gold` is never
 * rescaled here): Mohler's average of two graders on 0–5, SciEntsBank's 2-way verdict as 1 (correct)
 * or 0 (incorrect), SAF's score on 0–1. Mapping a grader's 0–5 score onto a dataset's scale is the
 * job of a map fitted with cross-validation, not of the loader.
 */
import path from "node:path";
import { parseCsv, readCsvFile, requireCsvColumns, type CsvTable } from "./read-csv";

/** `all` for Mohler (no published split); otherwise the split names exactly as the CSV files write them. */
export type GradingSplit = "all" | "train" | "test_ua" | "test_uq" | "test_ud";

export interface GradingScale {
  min: number;
  max: number;
}

export interface GradingItem {
  /** Unique within its dataset. */
  id: string;
  /** The unit of grouped cross-validation: Mohler's assignment, otherwise the question. */
  group: string;
  /** The question the answer replies to; unique within its dataset (SAF's ids repeat across modules). */
  questionId: string;
  split: GradingSplit;
  question: string;
  /** The reference answer the dataset names first. */
  reference: string;
  /** Every reference answer given for the question (one for all three published files). */
  references: string[];
  answer: string;
  /** The human grade on `scale`. */
  gold: number;
  scale: GradingScale;
  /** The dataset's verdict where it has one: SciEntsBank's label_2way, SAF's verification_feedback. */
  label?: string;
  /** SAF's written feedback to the student. */
  feedback?: string;
}

const MOHLER_FILE = "mohler_dataset_edited.csv";
const SCIENTSBANK_FILE = "scientsbank_2way.csv";
const SAF_FILE = "saf_english.csv";
const SPLITS: readonly GradingSplit[] = ["train", "test_ua", "test_uq", "test_ud"];

/**
 * Mohler et al. 2011: `gold` is score_avg (the mean of the two graders) on 0–5; `group` is the
 * assignment, the part of the question id before the dot, as in the published leave-one-assignment-out
 * figures. The id column names the question, not the answer, so an item's id is the question id and
 * the answer's 1-based position among that question's rows in file order ("3.4#12").
 */
export function parseMohler(text: string): GradingItem[] {
  return mohlerItems(parseCsv(text));
}

function mohlerItems(table: CsvTable): GradingItem[] {
  requireCsvColumns(table, ["id", "question", "desired_answer", "student_answer", "score_avg"], MOHLER_FILE);
  const seen = new Map<string, number>();
  const scale = { min: 0, max: 5 };
  const items = table.rows.map((row, index): GradingItem => {
    const questionId = row.id!.trim();
    const assignment = questionId.split(".")[0]!;
    if (!/^\d+\.\d+$/.test(questionId)) throw new Error(`${MOHLER_FILE}: row ${index + 1} has id "${questionId}", not assignment.question`);
    const position = (seen.get(questionId) ?? 0) + 1;
    seen.set(questionId, position);
    return {
      id: `${questionId}#${position}`,
      group: assignment,
      questionId,
      split: "all",
      question: row.question!,
      reference: row.desired_answer!,
      references: [row.desired_answer!],
      answer: row.student_answer!,
      gold: score(row.score_avg!, scale, `${MOHLER_FILE} row ${index + 1} score_avg`),
      scale,
    };
  });
  return checkedIds(items, MOHLER_FILE);
}

/**
 * SemEval-2013 SciEntsBank, 2-way: `gold` is 1 for "correct" and 0 for "incorrect", with the verdict
 * kept in `label`; `group` is the question id (ids such as "EM_45b" already carry their module).
 * `references` is the all_reference_answers JSON list, and must start with reference_answer.
 */
export function parseScientsBank(text: string): GradingItem[] {
  return scientsBankItems(parseCsv(text));
}

function scientsBankItems(table: CsvTable): GradingItem[] {
  const columns = ["split", "question_id", "question", "reference_answer", "all_reference_answers", "answer_id", "student_answer", "label_2way"];
  requireCsvColumns(table, columns, SCIENTSBANK_FILE);
  const scale = { min: 0, max: 1 };
  const items = table.rows.map((row, index): GradingItem => {
    const where = `${SCIENTSBANK_FILE} row ${index + 1}`;
    const label = row.label_2way!;
    if (label !== "correct" && label !== "incorrect") throw new Error(`${where}: label_2way "${label}" is not correct/incorrect`);
    const references = parseReferences(row.all_reference_answers!, where);
    if (references[0] !== row.reference_answer) throw new Error(`${where}: reference_answer is not the first of all_reference_answers`);
    return {
      id: row.answer_id!,
      group: row.question_id!,
      questionId: row.question_id!,
      split: split(row.split!, where),
      question: row.question!,
      reference: row.reference_answer!,
      references,
      answer: row.student_answer!,
      gold: label === "correct" ? 1 : 0,
      scale,
      label,
    };
  });
  return checkedIds(items, SCIENTSBANK_FILE);
}

/**
 * SAF (Filighera et al. 2022), English: `gold` is the score on 0–1, `label` the verification_feedback
 * (Correct / Partially correct / Incorrect) and `feedback` the response_feedback. Question ids repeat
 * across modules ("2.1" is in both LM and DLL), so `questionId` and `group` are "module/question_id".
 */
export function parseSaf(text: string): GradingItem[] {
  return safItems(parseCsv(text));
}

function safItems(table: CsvTable): GradingItem[] {
  const columns = ["split", "question_id", "module", "question", "reference_answer", "answer_id", "student_answer", "score", "verification_feedback", "response_feedback"];
  requireCsvColumns(table, columns, SAF_FILE);
  const scale = { min: 0, max: 1 };
  const items = table.rows.map((row, index): GradingItem => {
    const where = `${SAF_FILE} row ${index + 1}`;
    const questionId = `${row.module!}/${row.question_id!}`;
    return {
      id: row.answer_id!,
      group: questionId,
      questionId,
      split: split(row.split!, where),
      question: row.question!,
      reference: row.reference_answer!,
      references: [row.reference_answer!],
      answer: row.student_answer!,
      gold: score(row.score!, scale, `${where} score`),
      scale,
      label: row.verification_feedback!,
      feedback: row.response_feedback!,
    };
  });
  return checkedIds(items, SAF_FILE);
}

/** Loads Mohler from `dir`, the folder holding mohler_dataset_edited.csv; see {@link parseMohler}. */
export async function loadMohler(dir: string): Promise<GradingItem[]> {
  return mohlerItems(await readCsvFile(path.join(dir, MOHLER_FILE)));
}

/** Loads SciEntsBank 2-way from `dir`, the folder holding scientsbank_2way.csv; see {@link parseScientsBank}. */
export async function loadScientsBank(dir: string): Promise<GradingItem[]> {
  return scientsBankItems(await readCsvFile(path.join(dir, SCIENTSBANK_FILE)));
}

/** Loads SAF English from `dir`, the folder holding saf_english.csv; see {@link parseSaf}. */
export async function loadSaf(dir: string): Promise<GradingItem[]> {
  return safItems(await readCsvFile(path.join(dir, SAF_FILE)));
}

/** Items of `items` in `split`, for train/test evaluation on SciEntsBank and SAF. */
export function itemsInSplit(items: readonly GradingItem[], wanted: GradingSplit): GradingItem[] {
  return items.filter((item) => item.split === wanted);
}

function checkedIds(items: GradingItem[], file: string): GradingItem[] {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`${file}: item id "${item.id}" appears twice`);
    ids.add(item.id);
  }
  return items;
}

function split(value: string, where: string): GradingSplit {
  if (!(SPLITS as readonly string[]).includes(value)) throw new Error(`${where}: unknown split "${value}"`);
  return value as GradingSplit;
}

function parseReferences(json: string, where: string): string[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || value.length === 0 || !value.every((entry) => typeof entry === "string")) {
    throw new Error(`${where}: all_reference_answers is not a non-empty JSON list of strings`);
  }
  return value as string[];
}

function score(text: string, scale: GradingScale, where: string): number {
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value < scale.min || value > scale.max) {
    throw new Error(`${where}: "${text}" is not a number from ${scale.min} to ${scale.max}`);
  }
  return value;
}
