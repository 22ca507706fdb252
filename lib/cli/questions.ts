import { closeDatabase, getDatabase } from "@/lib/db/client";
import { listQuestions } from "@/lib/db/queries/questions";

/** `questions [--json]`: every canonical question with its sources (document path, 1-based line). */
export async function runQuestions(args: string[]): Promise<number> {
  const handle = await getDatabase();
  const items = await listQuestions({ db: handle.db });
  await closeDatabase();
  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify(items)}\n`);
    return 0;
  }
  for (const item of items) {
    const where = item.sources.map((source) => `${source.document}:${source.line}`).join(", ");
    process.stdout.write(`[${item.topic}] ${item.question}${item.answer === null ? " (no answer)" : ""}\n    ${where}\n`);
  }
  process.stderr.write(`${items.length} questions\n`);
  return 0;
}
