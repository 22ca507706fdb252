/**
 * The MLQuestions retrieval benchmark (Kulshreshtha et al., EMNLP 2021) as a passage pool and
 * question → gold-passage pairs. The dataset names a question's gold passage by its text, not by an
 * index (the index columns of test.tsv and test_passages.tsv do not agree), so golds are matched to
 * the pool by text, after collapsing whitespace: test_passages.tsv holds a few passages that differ
 * only by a doubled space, and those are one passage, not two competing ones. Its target_text column
 * holds the questions of test.tsv and dev.tsv themselves, so only input_text ever enters the pool.
 */
import path from "node:path";
import { readTsvFile, type TsvTable } from "./read-tsv";

export type MlQuestionsSplit = "test" | "dev";

export interface MlQuestionsQuery {
  question: string;
  /** Index into `passages` of the question's gold passage. */
  goldPassage: number;
}

export interface MlQuestions {
  /** Distinct passage texts (whitespace collapsed) of test_passages.tsv in first-seen order, then any gold passages missing from it. */
  passages: string[];
  /** One entry per row of the split's file, in file order. */
  queries: MlQuestionsQuery[];
  /** Counts a caller should report alongside figures, so a changed pool is visible. */
  stats: {
    /** Rows of test_passages.tsv. */
    poolRows: number;
    /** Distinct passages of test_passages.tsv after whitespace collapsing. */
    poolPassages: number;
    /** Distinct gold passages of this split that test_passages.tsv lacks and that were appended to `passages`. */
    goldsAddedToPool: number;
  };
}

/** Collapses every run of whitespace to one space and trims, so texts that differ only in spacing match. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Loads one split of MLQuestions from `dir` (the folder holding test.tsv, dev.tsv and
 * test_passages.tsv). The pool is the distinct passages of test_passages.tsv for both splits, as the
 * dataset prescribes. A gold passage that is not in that pool is appended to it (once), so every
 * query stays answerable and is scored, rather than silently dropped or counted as a miss; the
 * number appended is in `stats.goldsAddedToPool` (0 for both splits of the published data).
 */
export async function loadMlQuestions(options: { dir: string; split: MlQuestionsSplit }): Promise<MlQuestions> {
  const [pool, pairs] = await Promise.all([
    readTsvFile(path.join(options.dir, "test_passages.tsv")),
    readTsvFile(path.join(options.dir, `${options.split}.tsv`)),
  ]);
  requireColumns(pool, ["input_text"], "test_passages.tsv");
  requireColumns(pairs, ["input_text", "target_text"], `${options.split}.tsv`);

  const passages: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (text: string): number => {
    let index = indexOf.get(text);
    if (index === undefined) {
      index = passages.push(text) - 1;
      indexOf.set(text, index);
    }
    return index;
  };

  for (const row of pool.rows) intern(normalizeWhitespace(row.input_text!));
  const poolPassages = passages.length;
  const queries = pairs.rows.map((row) => ({
    question: normalizeWhitespace(row.target_text!),
    goldPassage: intern(normalizeWhitespace(row.input_text!)),
  }));

  return {
    passages,
    queries,
    stats: { poolRows: pool.rows.length, poolPassages, goldsAddedToPool: passages.length - poolPassages },
  };
}

function requireColumns(table: TsvTable, columns: string[], file: string): void {
  const missing = columns.filter((column) => !table.header.includes(column));
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(", ")}`);
}
