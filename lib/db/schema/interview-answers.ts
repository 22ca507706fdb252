import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { interviewMessages } from "./interview-messages";
import { interviewSessions } from "./interview-sessions";

/**
 * An answer the person gave, to a main question or a follow-up. It is stored as soon as it
 * arrives and graded afterwards: `score` stays null until the grade is saved, so an answer is
 * never lost to a grader that fails or a request that is cut short.
 */
export const interviewAnswers = pgTable(
  "interview_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => interviewSessions.id, { onDelete: "cascade" }),
    /** The candidate's message carrying the answer: one answer per message. */
    messageId: uuid("message_id")
      .notNull()
      .references(() => interviewMessages.id, { onDelete: "cascade" }),
    /** The plan's question (no foreign key: ids change when documents are re-ingested). */
    questionId: uuid("question_id"),
    /** The question answered as it was asked: the main question or the follow-up. */
    question: text("question").notNull(),
    topic: text("topic").notNull(),
    isFollowUp: boolean("is_follow_up").notNull().default(false),
    text: text("text").notNull(),
    spoken: boolean("spoken").notNull().default(false),
    durationMs: integer("duration_ms"),
    /** 0 to 5, null until graded. */
    score: real("score"),
    grade: jsonb("grade").$type<Record<string, unknown>>(),
    /** Which grader produced the grade ("local" or "llm"). */
    grader: text("grader"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    gradedAt: timestamp("graded_at", { withTimezone: true }),
  },
  (table) => [
    unique("interview_answers_message_unique").on(table.messageId),
    index("interview_answers_session_idx").on(table.sessionId),
    index("interview_answers_created_at_idx").on(table.createdAt),
  ],
);
