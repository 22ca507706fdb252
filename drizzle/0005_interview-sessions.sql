CREATE TABLE "interview_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"question_id" uuid,
	"question" text NOT NULL,
	"topic" text NOT NULL,
	"is_follow_up" boolean DEFAULT false NOT NULL,
	"text" text NOT NULL,
	"spoken" boolean DEFAULT false NOT NULL,
	"duration_ms" integer,
	"score" real,
	"grade" jsonb,
	"grader" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"graded_at" timestamp with time zone,
	CONSTRAINT "interview_answers_message_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "interview_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"role" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"question_id" uuid,
	"intent" text,
	"client_message_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_messages_session_seq_unique" UNIQUE("session_id","seq"),
	CONSTRAINT "interview_messages_session_client_id_unique" UNIQUE("session_id","client_message_id"),
	CONSTRAINT "interview_messages_role_check" CHECK ("interview_messages"."role" in ('interviewer', 'candidate'))
);
--> statement-breakpoint
CREATE TABLE "interview_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"style" text NOT NULL,
	"voice" boolean DEFAULT false NOT NULL,
	"topics" jsonb NOT NULL,
	"question_count" integer NOT NULL,
	"due_only" boolean DEFAULT false NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"plan" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "interview_sessions_status_check" CHECK ("interview_sessions"."status" in ('active', 'ended')),
	CONSTRAINT "interview_sessions_mode_check" CHECK ("interview_sessions"."mode" in ('llm', 'offline'))
);
--> statement-breakpoint
CREATE TABLE "review_cards" (
	"question_id" uuid PRIMARY KEY NOT NULL,
	"question" text NOT NULL,
	"topic" text NOT NULL,
	"card" jsonb NOT NULL,
	"due" timestamp with time zone NOT NULL,
	"last_score" real NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interview_answers" ADD CONSTRAINT "interview_answers_session_id_interview_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."interview_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_answers" ADD CONSTRAINT "interview_answers_message_id_interview_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."interview_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_messages" ADD CONSTRAINT "interview_messages_session_id_interview_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."interview_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_answers_session_idx" ON "interview_answers" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "interview_answers_created_at_idx" ON "interview_answers" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "interview_sessions_started_at_idx" ON "interview_sessions" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "review_cards_due_idx" ON "review_cards" USING btree ("due");