import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { tsvector, vector } from "./custom-types";
import { questionSources } from "./question-sources";
import { questions } from "./questions";

/**
 * The retrieval index: each source's question and answer text, chunked where long. Chunks belong
 * to a source (one document's wording), so re-ingesting a document replaces exactly its chunks and
 * a merged question is found through every document's wording. Each row carries its own
 * embedding model and dimension so a model change never mixes incomparable vectors; rows without
 * an embedding (no model present) are still found by full-text search.
 */
export const chunks = pgTable(
  "chunks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => questionSources.id, { onDelete: "cascade" }),
    /** "question" or "answer": question text weighs more in search. */
    kind: text("kind").notNull(),
    ordinal: integer("ordinal").notNull().default(0),
    text: text("text").notNull(),
    tsv: tsvector("tsv")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english', coach_search_text("text"))`),
    /** Lexeme occurrences in the text: BM25's document length (coach_token_count, migration 0002). */
    tokenCount: integer("token_count")
      .notNull()
      .generatedAlwaysAs(sql`coach_token_count(to_tsvector('english', coach_search_text("text")))`),
    embedding: vector("embedding"),
    embeddingModel: text("embedding_model"),
    embeddingDims: integer("embedding_dims"),
  },
  (table) => [
    index("chunks_question_idx").on(table.questionId),
    index("chunks_source_idx").on(table.sourceId),
    index("chunks_tsv_idx").using("gin", table.tsv),
  ],
);
