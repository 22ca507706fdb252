import { getDatabase } from "@/lib/db/client";
import { listQuestions, type QuestionWithSources } from "@/lib/db/queries/questions";

export interface TopicGroup {
  topic: string;
  questions: QuestionWithSources[];
}

/** The question bank grouped by topic (largest first), as the person will be interviewed on it. */
export async function getQuestionBank(): Promise<TopicGroup[]> {
  const { db } = await getDatabase();
  const groups = new Map<string, QuestionWithSources[]>();
  for (const item of await listQuestions({ db })) {
    groups.set(item.topic, [...(groups.get(item.topic) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([topic, questions]) => ({ topic, questions }))
    .sort((a, b) => b.questions.length - a.questions.length || a.topic.localeCompare(b.topic));
}
