import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { interviewSessions } from "./interview-sessions";

/**
 * One turn of an interview's conversation, in order (`seq` from 0 within the session). What only
 * some kinds of message carry (delivery notes, a grade, citations) lives in `data`.
 */
export const interviewMessages = pgTable(
  "interview_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => interviewSessions.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    role: text("role").$type<"interviewer" | "candidate">().notNull(),
    /** opening, question, follow-up, answer, feedback... (the app's message kinds). */
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    /** The question it is about. No foreign key: question ids change when documents are re-ingested. */
    questionId: uuid("question_id"),
    /** For the person's messages: what the app took the message for. */
    intent: text("intent"),
    /** The id the browser gave the message, so a message sent twice is recognised, not stored twice. */
    clientMessageId: text("client_message_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("interview_messages_session_seq_unique").on(table.sessionId, table.seq),
    // NULLs are distinct in a unique constraint: messages without a client id never collide.
    unique("interview_messages_session_client_id_unique").on(table.sessionId, table.clientMessageId),
    check("interview_messages_role_check", sql`${table.role} in ('interviewer', 'candidate')`),
  ],
);
