-- People who sign in, and who owns what. Rows from before sign-in existed belong to "local",
-- the owner when nobody signs in (the app on loopback); shared documents and their questions
-- have no owner.
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "people_name_lower_idx" ON "people" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "interview_sessions" ADD COLUMN "owner_id" text DEFAULT 'local' NOT NULL;--> statement-breakpoint
DROP INDEX "interview_sessions_started_at_idx";--> statement-breakpoint
CREATE INDEX "interview_sessions_owner_started_at_idx" ON "interview_sessions" USING btree ("owner_id","started_at");--> statement-breakpoint
ALTER TABLE "review_cards" ADD COLUMN "owner_id" text DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE "review_cards" DROP CONSTRAINT "review_cards_pkey";--> statement-breakpoint
ALTER TABLE "review_cards" ADD CONSTRAINT "review_cards_owner_question_pk" PRIMARY KEY("owner_id","question_id");--> statement-breakpoint
DROP INDEX "review_cards_due_idx";--> statement-breakpoint
CREATE INDEX "review_cards_owner_due_idx" ON "review_cards" USING btree ("owner_id","due");--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "owner_id" text;
