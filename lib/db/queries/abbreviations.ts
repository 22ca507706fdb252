import { sql } from "drizzle-orm";
import type { Database } from "../client";
import type { Executor } from "./canonical-questions";
import { rowsOf } from "./rows-of";

/** An abbreviation as the corpus defines it, with its full-text lexemes for query expansion. */
export interface KnownAbbreviation {
  short: string;
  long: string;
  shortLexeme: string;
  longLexemes: string[];
  /** How many documents define it this way: the most common long form wins an ambiguous short form. */
  documents: number;
}

/**
 * Stores a document's abbreviations inside the caller's transaction. The lexemes come from the
 * database's own `english` configuration, so they match the chunks' tsvectors exactly. A short form
 * that is a stop word ("IT", "US") has no lexeme and could never be searched for: it is left out.
 */
export async function insertAbbreviations({
  tx,
  documentId,
  abbreviations,
}: {
  tx: Executor;
  documentId: string;
  abbreviations: { short: string; long: string }[];
}): Promise<void> {
  if (abbreviations.length === 0) return;
  const shorts = abbreviations.map((abbreviation) => abbreviation.short);
  const longs = abbreviations.map((abbreviation) => abbreviation.long);
  await tx.execute(sql`
    insert into abbreviations (document_id, short_lexeme, short, long, long_lexemes)
    select ${documentId}::uuid, lexemes.short_lexeme, pair.short, pair.long, lexemes.long_lexemes
    from unnest(${sql.param(shorts)}::text[], ${sql.param(longs)}::text[]) as pair(short, long),
      lateral (select (tsvector_to_array(to_tsvector('english', coach_search_text(pair.short))))[1] as short_lexeme,
                      tsvector_to_array(to_tsvector('english', coach_search_text(pair.long))) as long_lexemes) as lexemes
    where lexemes.short_lexeme is not null and cardinality(lexemes.long_lexemes) > 0`);
}

/**
 * The abbreviations that bear on a query: those whose short form is one of its lexemes, and those
 * whose long form it spells out in full.
 */
export async function findAbbreviationsForLexemes({ db, lexemes }: { db: Database; lexemes: string[] }): Promise<KnownAbbreviation[]> {
  if (lexemes.length === 0) return [];
  const result = await db.execute(sql`
    select min(short) as short, min(long) as long, short_lexeme, long_lexemes, count(distinct document_id)::integer as documents
    from abbreviations
    where short_lexeme = any(${sql.param(lexemes)}::text[]) or long_lexemes <@ ${sql.param(lexemes)}::text[]
    group by short_lexeme, long_lexemes
    order by documents desc, short_lexeme`);
  return rowsOf<{ short: string; long: string; short_lexeme: string; long_lexemes: string[]; documents: number }>(result).map((row) => ({
    short: row.short,
    long: row.long,
    shortLexeme: row.short_lexeme,
    longLexemes: row.long_lexemes,
    documents: Number(row.documents),
  }));
}

/** Every abbreviation the corpus defines, the most widely defined long form first for each short form. */
export async function listAbbreviations({ db }: { db: Database }): Promise<{ short: string; long: string }[]> {
  const result = await db.execute(sql`
    select min(short) as short, lower(long) as long, count(distinct document_id)::integer as documents
    from abbreviations group by short_lexeme, lower(long) order by short_lexeme, documents desc`);
  return rowsOf<{ short: string; long: string }>(result).map(({ short, long }) => ({ short, long }));
}
