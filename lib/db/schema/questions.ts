import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A canonical question: the same question found in several documents is one row here. */
export const questions = pgTable(
  "questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    question: text("question").notNull(),
    /** The merged reference answer, or null when no document answers it. */
    answer: text("answer"),
    topic: text("topic").notNull(),
    /**
     * The owner of the documents it comes from (see documents.owner_id): null for the shared
     * library. A question merges only with questions of the same owner, so nobody's answer text
     * reaches another person through a merge.
     */
    ownerId: text("owner_id"),
    /** The canonical wording, normalised. Not unique: the canonical wording moves as sources come and go. */
    mergeKey: text("merge_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("questions_merge_key_idx").on(table.mergeKey), index("questions_topic_idx").on(table.topic)],
);
