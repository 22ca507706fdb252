import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { documents } from "./documents";

/**
 * Abbreviations the documents define ("convolutional neural network (CNN)"), so a query saying
 * "CNN" also finds text that spells it out, and the reverse. They belong to the document that
 * defines them and go with it.
 */
export const abbreviations = pgTable(
  "abbreviations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    /** The short form's full-text lexeme (e.g. `cnn`), matched against a query's lexemes. */
    shortLexeme: text("short_lexeme").notNull(),
    /** The short form as written, e.g. `CNN`. */
    short: text("short").notNull(),
    /** The long form as written, e.g. `convolutional neural network`. */
    long: text("long").notNull(),
    /** The long form's lexemes: a query holding all of them gains the short form. */
    longLexemes: text("long_lexemes").array().notNull(),
  },
  (table) => [index("abbreviations_short_idx").on(table.shortLexeme), index("abbreviations_document_idx").on(table.documentId)],
);
