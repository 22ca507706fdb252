import { count, eq } from "drizzle-orm";
import type { Database } from "../client";
import { chunks, documents, questions, questionSources } from "../schema";
import { documentVisibleTo, questionVisibleTo } from "./visible-to";

export interface CorpusCounts {
  documents: number;
  questions: number;
  sources: number;
  chunks: number;
}

/**
 * How much study material is indexed: what the home page and `status` report. With `visibleTo`,
 * only what that owner may see (the shared library and their own documents); with null, the
 * shared library alone.
 */
export async function getCorpusCounts({ db, visibleTo }: { db: Database; visibleTo?: string | null }): Promise<CorpusCounts> {
  const documentFilter = visibleTo === undefined ? undefined : documentVisibleTo(visibleTo);
  const questionFilter = visibleTo === undefined ? undefined : questionVisibleTo(visibleTo);
  const [documentRows, questionRows, sourceRows, chunkRows] = await Promise.all([
    db.select({ value: count() }).from(documents).where(documentFilter),
    db.select({ value: count() }).from(questions).where(questionFilter),
    db.select({ value: count() }).from(questionSources).innerJoin(documents, eq(documents.id, questionSources.documentId)).where(documentFilter),
    db.select({ value: count() }).from(chunks).innerJoin(questions, eq(questions.id, chunks.questionId)).where(questionFilter),
  ]);
  return {
    documents: documentRows[0]?.value ?? 0,
    questions: questionRows[0]?.value ?? 0,
    sources: sourceRows[0]?.value ?? 0,
    chunks: chunkRows[0]?.value ?? 0,
  };
}
