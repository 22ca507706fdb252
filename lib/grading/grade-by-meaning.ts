import type { Embedder } from "@/lib/embeddings";
import type { GradeResult } from "./grade-result";
import { answerForGrading, gradeOffline, type OfflineGradeInput } from "./offline-grader";
import { measurePointMeanings } from "./semantic-coverage";

/**
 * The offline grader with an embedding model when there is one: each key point is covered by
 * whichever says more, the answer's words or its meaning. Without a model, or when the model fails,
 * lexical evidence alone, as the lexical tier always grades; a grade is never lost to the model.
 */
export async function gradeOfflineByMeaning(input: OfflineGradeInput & { embedder: Embedder | null }): Promise<GradeResult> {
  const { embedder, ...offline } = input;
  if (!embedder) return gradeOffline(offline);
  let meanings: Awaited<ReturnType<typeof measurePointMeanings>> = null;
  try {
    meanings = await measurePointMeanings({ rubric: offline.rubric, answer: answerForGrading(offline.answer).spoken, embedder });
  } catch (error) {
    process.stderr.write(`Grading by meaning failed (${error instanceof Error ? error.message : String(error)}); graded on lexical evidence.\n`);
  }
  return gradeOffline({ ...offline, meanings });
}
