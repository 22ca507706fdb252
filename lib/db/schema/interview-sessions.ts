import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * One question of an interview's plan, copied when the interview starts: re-ingesting documents
 * can change or remove question ids, and a past interview must still read as it was asked.
 */
export interface InterviewPlanItem {
  questionId: string;
  question: string;
  topic: string;
}

/** An interview: its settings, its plan, where it stands and the engine's own state. */
export const interviewSessions = pgTable(
  "interview_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Whose interview this is: a person's id, or "local" when nobody signs in (see lib/auth). */
    ownerId: text("owner_id").notNull().default("local"),
    style: text("style").$type<"friendly" | "neutral" | "tough">().notNull(),
    voice: boolean("voice").notNull().default(false),
    /** Topic names chosen, or empty for every topic. */
    topics: jsonb("topics").$type<string[]>().notNull(),
    questionCount: integer("question_count").notNull(),
    dueOnly: boolean("due_only").notNull().default(false),
    /** "llm" or "offline": who phrased and graded this interview. */
    mode: text("mode").$type<"llm" | "offline">().notNull(),
    status: text("status").$type<"active" | "ended">().notNull().default("active"),
    plan: jsonb("plan").$type<InterviewPlanItem[]>().notNull(),
    /** 0-based index in `plan` of the question being asked. */
    position: integer("position").notNull().default(0),
    /** The session engine's per-question state; its shape belongs to the engine, not to the database. */
    state: jsonb("state").$type<Record<string, unknown>>().notNull().default({}),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [
    index("interview_sessions_owner_started_at_idx").on(table.ownerId, table.startedAt),
    check("interview_sessions_status_check", sql`${table.status} in ('active', 'ended')`),
    check("interview_sessions_mode_check", sql`${table.mode} in ('llm', 'offline')`),
  ],
);
