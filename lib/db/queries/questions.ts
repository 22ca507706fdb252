import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { documents, questions, questionSources } from "../schema";
import { questionVisibleTo } from "./visible-to";

export interface QuestionWithSources {
  id: string;
  question: string;
  answer: string | null;
  topic: string;
  /** Each document's own wording and answer (null: that document does not answer it). */
  sources: { document: string; line: number; question: string; answer: string | null }[];
}

/**
 * Every canonical question (or those of `ids`; with `visibleTo`, only those that owner may see)
 * with where each document states it, in corpus order.
 */
export async function listQuestions({ db, ids, visibleTo }: { db: Database; ids?: string[]; visibleTo?: string }): Promise<QuestionWithSources[]> {
  if (ids?.length === 0) return [];
  const rows = await db
    .select({
      id: questions.id,
      question: questions.question,
      answer: questions.answer,
      topic: questions.topic,
      document: documents.path,
      line: questionSources.line,
      sourceQuestion: questionSources.question,
      sourceAnswer: questionSources.answer,
    })
    .from(questions)
    .innerJoin(questionSources, eq(questionSources.questionId, questions.id))
    .innerJoin(documents, eq(documents.id, questionSources.documentId))
    .where(and(ids ? inArray(questions.id, ids) : undefined, visibleTo === undefined ? undefined : questionVisibleTo(visibleTo)))
    .orderBy(sql`${documents.path} collate "C"`, questionSources.line);

  const byId = new Map<string, QuestionWithSources>();
  for (const row of rows) {
    let item = byId.get(row.id);
    if (!item) {
      item = { id: row.id, question: row.question, answer: row.answer, topic: row.topic, sources: [] };
      byId.set(row.id, item);
    }
    item.sources.push({ document: row.document, line: row.line, question: row.sourceQuestion, answer: row.sourceAnswer });
  }
  return [...byId.values()];
}
