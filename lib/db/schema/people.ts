import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The people who may sign in when the app is reachable from other machines. Added with
 * `npm run cli -- user add <name>`; nobody signs up from the browser. On loopback nobody signs in
 * and everything belongs to the owner "local".
 */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The sign-in name, as typed when added; unique without regard to case. */
    name: text("name").notNull(),
    /** `scrypt$N$r$p$salt$hash` (base64 salt and hash); see lib/auth/password.ts. */
    passwordHash: text("password_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("people_name_lower_idx").on(sql`lower(${table.name})`)],
);
