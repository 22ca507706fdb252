import { bigint, pgTable, smallint } from "drizzle-orm/pg-core";

/**
 * The corpus totals BM25 needs (chunk count, average chunk length), one row (id 1) kept exact by
 * the same triggers as `search_terms`, so a query never counts a million rows to score ten.
 */
export const searchTotals = pgTable("search_totals", {
  id: smallint("id").primaryKey(),
  chunks: bigint("chunks", { mode: "number" }).notNull(),
  /** Lexeme occurrences over all chunks (the sum of `chunks.token_count`). */
  tokens: bigint("tokens", { mode: "number" }).notNull(),
});
