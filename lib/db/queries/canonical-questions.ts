import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { documents, questions, questionSources } from "../schema";

/** One source of a canonical question, in corpus order (document path, then line). */
export interface SourceForMerge {
  document: string;
  line: number;
  question: string;
  answer: string | null;
  section: string | null;
}

/** The ingest layer's merge policy: what a canonical question says, given all its sources. */
export type Canonicalize = (sources: SourceForMerge[]) => { question: string; answer: string | null; topic: string; mergeKey: string };

/** A transaction or the database: queries here run inside the caller's transaction. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute">;

/**
 * Recomputes the canonical rows of the given questions from their remaining sources: a question
 * left with no source is deleted, the others take their wording, merged answer and topic from the
 * policy. Run after any change to sources, in the same transaction.
 */
export async function refreshCanonicalQuestions({
  tx,
  questionIds,
  canonicalize,
}: {
  tx: Executor;
  questionIds: Iterable<string>;
  canonicalize: Canonicalize;
}): Promise<void> {
  const ids = [...new Set(questionIds)];
  if (ids.length === 0) return;
  const rows = await tx
    .select({
      questionId: questionSources.questionId,
      document: documents.path,
      line: questionSources.line,
      question: questionSources.question,
      answer: questionSources.answer,
      section: questionSources.section,
    })
    .from(questionSources)
    .innerJoin(documents, eq(documents.id, questionSources.documentId))
    .where(inArray(questionSources.questionId, ids))
    // Byte order, not the server's collation: PGlite and PostgreSQL must pick the same wording.
    .orderBy(sql`${documents.path} collate "C"`, questionSources.line);

  const byQuestion = new Map<string, SourceForMerge[]>();
  for (const { questionId, ...source } of rows) {
    byQuestion.set(questionId, [...(byQuestion.get(questionId) ?? []), source]);
  }
  const orphans = ids.filter((id) => !byQuestion.has(id));
  if (orphans.length > 0) await tx.delete(questions).where(inArray(questions.id, orphans));
  // One statement per few hundred questions rather than one per question.
  const updates = [...byQuestion].map(([id, sources]) => ({ id, ...canonicalize(sources) }));
  for (let start = 0; start < updates.length; start += 500) {
    const values = updates
      .slice(start, start + 500)
      .map((row) => sql`(${row.id}::uuid, ${row.question}::text, ${row.answer}::text, ${row.topic}::text, ${row.mergeKey}::text)`);
    await tx.execute(sql`
      update ${questions} set question = v.question, answer = v.answer, topic = v.topic, merge_key = v.merge_key
      from (values ${sql.join(values, sql`, `)}) as v(id, question, answer, topic, merge_key)
      where ${questions.id} = v.id`);
  }
}
