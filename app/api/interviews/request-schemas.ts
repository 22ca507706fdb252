import { z } from "zod";

/** The body of POST /api/interviews: how the interview should go. */
export const startInterviewRequest = z.object({
  topics: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  questionCount: z.coerce.number().int().min(1).max(20).default(5),
  style: z.enum(["friendly", "neutral", "tough"]).default("neutral"),
  voice: z.boolean().default(false),
  dueOnly: z.boolean().default(false),
});

/** The body of POST /api/interviews/{id}/messages: one message of the person's. */
export const sendMessageRequest = z.object({
  clientMessageId: z.string().regex(/^[\w-]{1,100}$/, "clientMessageId must be 1 to 100 letters, digits, - or _"),
  text: z.string().max(1_000_000),
  spoken: z.boolean().optional(),
  durationMs: z.number().int().min(0).max(3_600_000).nullable().optional(),
});
