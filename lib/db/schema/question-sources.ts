import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { documents } from "./documents";
import { questions } from "./questions";

/** Where a canonical question stands in a document, worded as that document words it. */
export const questionSources = pgTable(
  "question_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    /** 1-based line of the question in the document. */
    line: integer("line").notNull(),
    question: text("question").notNull(),
    answer: text("answer"),
    /** The document's section heading above the question, the preferred source of a topic. */
    section: text("section"),
  },
  (table) => [index("question_sources_question_idx").on(table.questionId), index("question_sources_document_idx").on(table.documentId)],
);
