import { index, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Document frequency of every full-text lexeme over the chunks, for BM25's inverse document
 * frequency. Kept exact by statement triggers on `chunks` (migration 0004), so every ingestion
 * transaction updates it with the rows it writes. The trigram index finds the nearest known
 * lexeme for a misspelled query word.
 */
export const searchTerms = pgTable(
  "search_terms",
  {
    lexeme: text("lexeme").primaryKey(),
    /** How many chunks contain the lexeme. */
    chunks: integer("chunks").notNull(),
  },
  (table) => [index("search_terms_trigram_idx").using("gin", table.lexeme.op("gin_trgm_ops"))],
);
