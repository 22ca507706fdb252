import { index, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A ts-fsrs `Card` as JSON: dates as ISO strings, `state` as ts-fsrs's number (0 New, 1 Learning,
 * 2 Review, 3 Relearning). Kept as a plain shape so the schema does not depend on the scheduler.
 */
export interface SerializedCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: string | null;
}

/**
 * Spaced repetition, one card per person and question. No foreign key to questions: a card outlives a
 * re-ingestion that renumbers questions, and keeps the wording and topic it was reviewed under.
 */
export const reviewCards = pgTable(
  "review_cards",
  {
    /** Whose card: a person's id, or "local" when nobody signs in. */
    ownerId: text("owner_id").notNull().default("local"),
    questionId: uuid("question_id").notNull(),
    question: text("question").notNull(),
    topic: text("topic").notNull(),
    card: jsonb("card").$type<SerializedCard>().notNull(),
    /** The card's due date, as a column so "what is due" is an index scan. */
    due: timestamp("due", { withTimezone: true }).notNull(),
    lastScore: real("last_score").notNull(),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ name: "review_cards_owner_question_pk", columns: [table.ownerId, table.questionId] }), index("review_cards_owner_due_idx").on(table.ownerId, table.due)],
);
