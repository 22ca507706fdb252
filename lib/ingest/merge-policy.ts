import type { SourceForMerge } from "@/lib/db/queries/canonical-questions";
import type { IndexPolicy } from "@/lib/db/queries/documents";
import { deriveTopic } from "./derive-topic";
import { blockingKeys, exactKey, isSameQuestion } from "./question-identity";

/**
 * How a canonical question is made from its sources: the wording of the first source in corpus
 * order that is punctuated as a question (else the first), every distinct answer (an answer that another one already contains adds nothing), and the
 * document's section as topic where there is one, else a derived topic.
 */
export function canonicalize(sources: SourceForMerge[]): { question: string; answer: string | null; topic: string; mergeKey: string } {
  const question = (sources.find((source) => source.question.trim().endsWith("?")) ?? sources[0]!).question;
  const answer = mergeAnswers(sources.map((source) => source.answer));
  const section = sources.find((source) => source.section)?.section;
  return { question, answer, topic: section ?? deriveTopic(question, answer), mergeKey: exactKey(question) };
}

/** Distinct answers in order, joined by blank lines; null when no source answers. */
export function mergeAnswers(answers: (string | null)[]): string | null {
  const kept: { text: string; key: string }[] = [];
  for (const answer of answers) {
    if (!answer?.trim()) continue;
    const key = exactKey(answer);
    // Containment on whole words: "No" is not inside "not".
    if (kept.some((other) => containsWords(other.key, key))) continue;
    const containedIndex = kept.findIndex((other) => containsWords(key, other.key));
    if (containedIndex !== -1) kept.splice(containedIndex, 1, { text: answer.trim(), key });
    else kept.push({ text: answer.trim(), key });
  }
  return kept.length ? kept.map((item) => item.text).join("\n\n") : null;
}

function containsWords(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

export const mergePolicy: IndexPolicy = { isSameQuestion, blockingKeys, exactKey, canonicalize };
