/**
 * The answers the grading benchmarks grade, built from the question bank so they look like the
 * app's real traffic: for each question, its reference (first three sentences: a good answer), a
 * partial answer (its first sentence) and an off-topic one (the next question's answer). Pure.
 */

export type AnswerKind = "reference" | "partial" | "off-topic";

export interface BenchAnswer {
  /** Index of the question in the bank given. */
  questionIndex: number;
  kind: AnswerKind;
  answer: string;
}

/** Up to `limit` questions with an answer, in bank order, each answered three ways. */
export function gradingAnswers(bank: readonly { question: string; answer: string | null }[], limit = Number.POSITIVE_INFINITY): BenchAnswer[] {
  const usable = bank.flatMap((item, index) => (item.answer && sentences(item.answer).length > 0 ? [index] : [])).slice(0, limit);
  return usable.flatMap((index, position) => {
    const own = sentences(bank[index]!.answer!);
    const other = sentences(bank[usable[(position + 1) % usable.length]!]!.answer!);
    return [
      { questionIndex: index, kind: "reference" as const, answer: own.slice(0, 3).join(" ") },
      { questionIndex: index, kind: "partial" as const, answer: own[0]! },
      { questionIndex: index, kind: "off-topic" as const, answer: other.slice(0, 2).join(" ") },
    ];
  });
}

/** Sentences of prose: code and blank lines set aside, split after ., ! or ?. */
export function sentences(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, " ").replace(/\s+/g, " ").trim();
  return prose ? prose.split(/(?<=[.!?])\s+(?=[A-Z0-9"'(])/).filter((sentence) => /[\p{L}]{2,}/u.test(sentence)) : [];
}
