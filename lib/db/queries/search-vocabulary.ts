import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "./rows-of";

/** A query's lexeme as the chunks' full-text index knows it. */
export interface QueryLexeme {
  lexeme: string;
  /** 1-based word position of its first occurrence (stop words count), for phrase matching. */
  position: number;
  /** How many chunks contain it (0: unknown to the corpus, perhaps misspelled). */
  chunks: number;
}

/**
 * A text's lexemes, in order, through the same `english` configuration (stemming, stop words)
 * that built the chunks' tsvectors, with each one's document frequency.
 */
export async function analyzeQueryText({ db, text }: { db: Database; text: string }): Promise<QueryLexeme[]> {
  const result = await db.execute(sql`
    select q.lexeme, q.positions[1] as position, s.chunks
    from unnest(to_tsvector('english', coach_search_text(${text}))) as q(lexeme, positions, weights)
    left join search_terms s on s.lexeme = q.lexeme
    order by q.positions[1]`);
  return rowsOf<{ lexeme: string; position: number; chunks: number | null }>(result).map((row) => ({
    lexeme: row.lexeme,
    position: Number(row.position),
    chunks: Number(row.chunks ?? 0),
  }));
}

/** A corpus lexeme that resembles an unknown query lexeme. */
export interface SimilarLexeme {
  query: string;
  lexeme: string;
  similarity: number;
  /** Its document frequency: between equally close candidates, the common word is the likelier intent. */
  chunks: number;
}

/**
 * For each unknown lexeme, up to `perLexeme` corpus lexemes by trigram similarity at or above
 * `minSimilarity`. The threshold is set for this transaction so the `%` operator can use the
 * trigram index instead of comparing against every lexeme of the corpus.
 */
export async function findSimilarLexemes({
  db,
  lexemes,
  minSimilarity,
  perLexeme,
}: {
  db: Database;
  lexemes: string[];
  minSimilarity: number;
  perLexeme: number;
}): Promise<SimilarLexeme[]> {
  if (lexemes.length === 0) return [];
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(minSimilarity)}, true)`);
    return tx.execute(sql`
      select w.lexeme as query, m.lexeme, m.similarity, m.chunks
      from unnest(${sql.param(lexemes)}::text[]) as w(lexeme),
        lateral (select s.lexeme, similarity(s.lexeme, w.lexeme) as similarity, s.chunks
                 from search_terms s where s.lexeme % w.lexeme
                 order by similarity desc, s.chunks desc limit ${perLexeme}) as m`);
  });
  return rowsOf<SimilarLexeme>(result).map((row) => ({ ...row, similarity: Number(row.similarity), chunks: Number(row.chunks) }));
}

/** How many chunks the corpus has and how many hold each of `lexemes`: the inputs of an idf. */
export async function getTermStatistics({ db, lexemes }: { db: Database; lexemes: string[] }): Promise<{ chunks: number; frequencies: Map<string, number> }> {
  const result = await db.execute(sql`
    select (select chunks from search_totals where id = 1) as total, s.lexeme, s.chunks
    from (select 1) as one left join search_terms s on s.lexeme = any(${sql.param(lexemes)}::text[])`);
  const rows = rowsOf<{ total: number | null; lexeme: string | null; chunks: number | null }>(result);
  return {
    chunks: Number(rows[0]?.total ?? 0),
    frequencies: new Map(rows.filter((row) => row.lexeme !== null).map((row) => [row.lexeme!, Number(row.chunks)])),
  };
}
