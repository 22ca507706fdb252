import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "./rows-of";
import { visibleQuestionFilter } from "./visible-to";

export interface VectorSearchOptions {
  db: Database;
  embedding: ArrayLike<number>;
  model: string;
  limit: number;
  topics?: string[];
  /** Only questions this owner may see (the shared library and their own); everything without it. */
  visibleTo?: string;
  /** Ignore the approximate index and compare with every vector (the benchmark's ground truth). */
  exact?: boolean;
}

export interface VectorHit {
  questionId: string;
  /** Cosine similarity of the question's nearest chunk, -1 to 1. */
  similarity: number;
  chunkId: string;
}

/**
 * The questions whose chunks lie nearest the query vector (cosine). Only rows embedded by the same
 * model and dimension are compared. The dimension is written into the SQL as a literal so the
 * planner can use the per-dimension HNSW index (`ensureVectorIndex`); the nearest chunks are taken
 * first, then grouped by question, because the index can only order single rows.
 */
export async function searchVector(options: VectorSearchOptions): Promise<VectorHit[]> {
  const { db, embedding, model, limit, topics, exact } = options;
  const dims = dimensionLiteral(embedding.length);
  const literal = `[${Array.from(embedding, (value) => (Number.isFinite(value) ? value : 0)).join(",")}]`;
  const topicFilter = sql`${topics?.length ? sql`and question_id in (select id from questions where topic = any(${sql.param(topics)}::text[]))` : sql``} ${visibleQuestionFilter(sql`question_id`, options.visibleTo)}`;
  // Several chunks of one question may come first; fetch more rows than questions wanted.
  const rows = limit * 4;
  const nearest = sql`
    select id, question_id, embedding::vector(${dims}) <=> ${literal}::vector(${dims}) as distance
    from chunks
    where embedding_dims = ${dims} and embedding_model = ${model} ${topicFilter}
    order by distance limit ${rows}`;
  const query = sql`
    select question_id, 1 - min(distance) as similarity, (array_agg(id order by distance))[1] as chunk_id
    from (${nearest}) as nearest group by question_id order by similarity desc, question_id limit ${limit}`;
  const result = await db.transaction(async (tx) => {
    if (exact) {
      await tx.execute(sql`set local enable_indexscan = off`);
    } else {
      // HNSW returns at most ef_search rows (pgvector's default is 40): ask for as many as wanted.
      await tx.execute(sql`select set_config('hnsw.ef_search', ${String(Math.min(1000, Math.max(100, rows)))}, true)`);
    }
    return tx.execute(query);
  });
  return rowsOf<{ question_id: string; similarity: number; chunk_id: string }>(result).map((row) => ({
    questionId: row.question_id,
    similarity: Number(row.similarity),
    chunkId: row.chunk_id,
  }));
}

/** A vector dimension as SQL text; validated, because it is written into the statement. */
export function dimensionLiteral(dims: number) {
  if (!Number.isInteger(dims) || dims < 1 || dims > 16000) throw new RangeError(`Not a vector dimension: ${dims}`);
  return sql.raw(String(dims));
}
