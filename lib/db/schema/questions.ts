import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A canonical question: the same question found in several documents is one row here. */
export const questions = pgTable("questions", {
  id: uuid("id").primaryKey().defaultRandom(),
  question: text("question").notNull(),
  /** The merged reference answer, or null when no document answers it. */
  answer: text("answer"),
  topic: text("topic").notNull(),
  /** Normalised wording used to merge near-identical questions across documents. */
  mergeKey: text("merge_key").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
