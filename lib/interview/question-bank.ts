import { getDatabase } from "@/lib/db/client";
import { listQuestions, type QuestionWithSources } from "@/lib/db/queries/questions";

export interface TopicGroup {
  topic: string;
  questions: QuestionWithSources[];
}

/**
 * The question bank grouped by topic (largest first), as the person will be interviewed on it:
 * the shared library's questions and those of the person's own documents.
 */
export async function getQuestionBank({ visibleTo }: { visibleTo: string }): Promise<TopicGroup[]> {
  const { db } = await getDatabase();
  const groups = new Map<string, QuestionWithSources[]>();
  for (const item of await listQuestions({ db, visibleTo })) {
    groups.set(item.topic, [...(groups.get(item.topic) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([topic, questions]) => ({ topic, questions }))
    .sort((a, b) => b.questions.length - a.questions.length || a.topic.localeCompare(b.topic));
}
