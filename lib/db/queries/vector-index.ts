import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "./rows-of";
import { dimensionLiteral } from "./search-vector";

/** Below this many vectors of one dimension an exact scan is as fast as the index and exact. */
export const VECTOR_INDEX_MIN_ROWS = 5000;

/**
 * Builds the approximate (HNSW, cosine) index for each embedding dimension that has enough rows,
 * once. Call it after bulk loads: inserting into a table that already has the index is several
 * times slower than building the index afterwards. The index is partial and on an expression
 * because the column has no fixed dimension (the model is configurable).
 */
export async function ensureVectorIndexes({ db, minRows = VECTOR_INDEX_MIN_ROWS }: { db: Database; minRows?: number }): Promise<number[]> {
  const result = await db.execute(sql`
    select embedding_dims as dims from chunks where embedding_dims is not null
    group by embedding_dims having count(*) >= ${minRows}`);
  const built: number[] = [];
  for (const { dims } of rowsOf<{ dims: number }>(result)) {
    const literal = dimensionLiteral(Number(dims));
    await db.execute(sql`
      create index if not exists ${sql.identifier(`chunks_embedding_hnsw_${Number(dims)}`)} on chunks
      using hnsw ((embedding::vector(${literal})) vector_cosine_ops) where embedding_dims = ${literal}`);
    built.push(Number(dims));
  }
  return built;
}
