import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One study document as ingested: re-ingesting is skipped while its content hash is unchanged. */
export const documents = pgTable("documents", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Path relative to the project root, e.g. `content/deep-learning-qa.md`; unique per corpus. */
  path: text("path").notNull().unique(),
  /**
   * Who added it from the browser when people sign in: only they see it and its questions. Null
   * for the documents of `content/`, the library everyone on this server studies from.
   */
  ownerId: text("owner_id"),
  /** sha256 of the raw bytes. */
  contentHash: text("content_hash").notNull(),
  /** Detected from the content, not the extension: markdown, html, text, pdf. */
  format: text("format").notNull(),
  bytes: integer("bytes").notNull(),
  title: text("title"),
  /** The model its chunks were embedded with (null: full-text only); a new model re-embeds. */
  embeddingModel: text("embedding_model"),
  ingestedAt: timestamp("ingested_at", { withTimezone: true }).notNull().defaultNow(),
});
