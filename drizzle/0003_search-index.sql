CREATE TABLE "abbreviations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"short_lexeme" text NOT NULL,
	"short" text NOT NULL,
	"long" text NOT NULL,
	"long_lexemes" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"chunks" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_totals" (
	"id" smallint PRIMARY KEY NOT NULL,
	"chunks" bigint NOT NULL,
	"tokens" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chunks" drop column "tsv";--> statement-breakpoint
ALTER TABLE "chunks" ADD COLUMN "tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coach_search_text("text"))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "chunks" ADD COLUMN "token_count" integer GENERATED ALWAYS AS (coach_token_count(to_tsvector('english', coach_search_text("text")))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "abbreviations" ADD CONSTRAINT "abbreviations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "abbreviations_short_idx" ON "abbreviations" USING btree ("short_lexeme");--> statement-breakpoint
CREATE INDEX "abbreviations_document_idx" ON "abbreviations" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "search_terms_trigram_idx" ON "search_terms" USING gin ("lexeme" gin_trgm_ops);--> statement-breakpoint
-- Dropping "tsv" (to regenerate it through coach_search_text) dropped its index; drizzle-kit does not recreate it.
CREATE INDEX "chunks_tsv_idx" ON "chunks" USING gin ("tsv");
