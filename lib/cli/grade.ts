import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { getDatabase } from "@/lib/db/client";
import { getEmbedder } from "@/lib/embeddings";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { findRubric, loadGradingContext } from "@/lib/grading/grading-context";
import { gradeAnswerWithFallback } from "@/lib/grading/llm-grader";
import { getLlm } from "@/lib/llm";
import { readLines } from "./read-lines";

const MODES = ["auto", "local", "llm"] as const;
const lineSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  question: z.string().trim().min(1, "needs a non-empty question"),
  answer: z.string(),
  reference: z.string().nullish(),
});

/**
 * `grade --jsonl <file|-> [--grader auto|local|llm]`: grades `{id?, question, answer, reference?}`
 * lines, one result line each. Without a reference, the reference is the corpus question retrieval
 * finds for the question. A malformed line gets an `error` line and the others are still graded.
 */
export async function runGrade(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { jsonl: { type: "string" }, grader: { type: "string", default: "auto" } } });
  const mode = values.grader as (typeof MODES)[number];
  if (!MODES.includes(mode)) throw new AppError("bad_request", `--grader takes ${MODES.join(", ")}, not "${values.grader}".`);
  if (!values.jsonl) throw new AppError("bad_request", "Usage: grade --jsonl <file|-> [--grader auto|local|llm]");
  if (values.jsonl !== "-" && !fs.existsSync(values.jsonl)) throw new AppError("not_found", `No such file: ${values.jsonl}`);

  const env = getEnv();
  const llm = mode === "local" ? null : getLlm();
  const [handle, loaded] = await Promise.all([getDatabase(), getEmbedder()]);
  const context = await loadGradingContext({ db: handle.db });
  let failures = 0;
  for await (const { line, number } of readLines(values.jsonl)) {
    const parsed = parseLine(line);
    if ("error" in parsed) {
      failures++;
      process.stdout.write(`${JSON.stringify({ line: number, error: parsed.error })}\n`);
      continue;
    }
    const { id = number, question, answer, reference } = parsed.value;
    const found = await findRubric({ db: handle.db, question, reference, embedder: loaded.embedder });
    const rubric = found?.rubric ?? { question, keyPoints: [], citations: [], referenceText: "" };
    const result = await gradeAnswerWithFallback({
      llm: llm ? { client: llm.client, model: llm.settings.model } : null,
      rubric,
      answer,
      idf: context.idf,
      abbreviations: context.abbreviations,
      // Against the corpus's own reference, the corpus's other answers tell a recited wrong one.
      otherAnswers: found?.matchedQuestion ? context.otherAnswers : [],
      embedder: loaded.embedder,
      mode,
      settings: { timeoutMs: env.OPENAI_TIMEOUT_MS, maxAttempts: env.OPENAI_MAX_ATTEMPTS },
    });
    const { features: _features, ...contract } = result;
    process.stdout.write(`${JSON.stringify({ id, ...contract, ...(found?.matchedQuestion ? { matchedQuestion: found.matchedQuestion } : {}) })}\n`);
  }
  return failures > 0 ? 1 : 0;
}

function parseLine(line: string): { value: z.infer<typeof lineSchema> } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: "Not JSON: each line must be an object {id?, question, answer, reference?}." };
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) return { error: `Each line must be {id?, question, answer, reference?}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "line"} ${issue.message}`).join("; ")}` };
  return { value: parsed.data };
}
