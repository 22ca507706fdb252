import { seededRandom, shuffled } from "@/lib/seeded-random";
import type { InterviewSettings } from "./types";

/** A question of the interview's plan: a snapshot, since ids change when documents are re-ingested. */
export interface PlannedQuestion {
  questionId: string;
  question: string;
  topic: string;
}

/** The most questions one interview asks: a long session is better split in two. */
export const MAX_QUESTIONS = 20;

/**
 * Which questions an interview asks, in order: only questions with a reference answer (nothing to
 * grade against otherwise), of the chosen topics; those due for review first (most overdue first),
 * then questions never reviewed, then the rest, each group in a random order drawn from `seed` so
 * two interviews on the same topics do not start alike. With `dueOnly`, due questions alone.
 */
export function planQuestions({
  bank,
  settings,
  due,
  reviewed,
  seed,
}: {
  bank: readonly { id: string; question: string; answer: string | null; topic: string }[];
  settings: Pick<InterviewSettings, "topics" | "questionCount" | "dueOnly">;
  /** Question ids due for review, most overdue first. */
  due: readonly string[];
  /** Question ids reviewed at least once. */
  reviewed: ReadonlySet<string>;
  seed: number;
}): PlannedQuestion[] {
  const topics = new Set(settings.topics);
  const eligible = bank.filter((item) => item.answer && (topics.size === 0 || topics.has(item.topic)));
  const byId = new Map(eligible.map((item) => [item.id, item]));
  const random = seededRandom(seed);
  const dueItems = due.map((id) => byId.get(id)).filter((item) => item !== undefined);
  const dueIds = new Set(dueItems.map((item) => item.id));
  const fresh = shuffled(eligible.filter((item) => !dueIds.has(item.id) && !reviewed.has(item.id)), random);
  const rest = shuffled(eligible.filter((item) => !dueIds.has(item.id) && reviewed.has(item.id)), random);
  const ordered = settings.dueOnly ? dueItems : [...dueItems, ...fresh, ...rest];
  const count = Math.max(1, Math.min(settings.questionCount, MAX_QUESTIONS));
  return ordered.slice(0, count).map((item) => ({ questionId: item.id, question: item.question, topic: item.topic }));
}
