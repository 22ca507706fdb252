import { getSystemStatus } from "@/lib/interview/system-status";
import { closeDatabase } from "@/lib/db/client";

/** `status [--json]`: the database in use and whether semantic search is on. */
export async function runStatus(args: string[]): Promise<number> {
  const status = await getSystemStatus();
  await closeDatabase();
  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify(status)}\n`);
    return 0;
  }
  const { database, embeddings, corpus } = status;
  process.stdout.write(
    `Database:   ${database.kind} (${database.location})\n` +
      `Corpus:     ${corpus.documents} documents, ${corpus.questions} questions, ${corpus.chunks} chunks\n` +
      `Embeddings: ${embeddings.tier === "semantic" ? `${embeddings.modelId} (${embeddings.dims} dims)` : embeddings.notice}\n`,
  );
  return 0;
}
