import { count } from "drizzle-orm";
import type { Database } from "../client";
import { chunks, documents, questions, questionSources } from "../schema";

export interface CorpusCounts {
  documents: number;
  questions: number;
  sources: number;
  chunks: number;
}

/** How much study material is indexed: what the home page and `status` report. */
export async function getCorpusCounts({ db }: { db: Database }): Promise<CorpusCounts> {
  const [documentRows, questionRows, sourceRows, chunkRows] = await Promise.all([
    db.select({ value: count() }).from(documents),
    db.select({ value: count() }).from(questions),
    db.select({ value: count() }).from(questionSources),
    db.select({ value: count() }).from(chunks),
  ]);
  return {
    documents: documentRows[0]?.value ?? 0,
    questions: questionRows[0]?.value ?? 0,
    sources: sourceRows[0]?.value ?? 0,
    chunks: chunkRows[0]?.value ?? 0,
  };
}
