import type { GradeFlag } from "@/lib/grading/grade-result";
import type { DeliveryNotes } from "@/lib/interview/types";

/** Each grading flag as a sentence for the person who answered. */
export const FLAG_WORDS: Record<GradeFlag, string> = {
  manipulation: "Part of the answer spoke to the grader instead of answering; it was ignored and only the content was graded.",
  "no-answer": "There was no answer to grade.",
  gibberish: "The answer does not read as sentences, so it could not earn points.",
  "copied-question": "The answer mostly repeats the question.",
  "keyword-list": "The answer lists keywords without explaining them.",
  "word-salad": "The answer uses the reference's words, but not in sentences that say anything.",
  "off-topic": "The answer is about something else than the question.",
  "other-question": "The answer recites the answer to a different question from your documents.",
  "wrong-statement": "The answer states something your documents contradict.",
  "no-reference": "Your documents have no reference answer for this question, so this grade is only a rough guide.",
};

/** A flag the app does not know yet still shows, in its own words. */
export function flagWords(flag: string): string {
  return (FLAG_WORDS as Record<string, string>)[flag] ?? flag.replace(/-/g, " ");
}

/** 3.5 as "3.5", 4 as "4": scores come in half points. */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** 75 seconds as "1 min 15 s". */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

export const LENGTH_WORDS: Record<DeliveryNotes["length"], string> = {
  "too-short": "short for a spoken answer",
  good: "a good length for a spoken answer",
  "too-long": "long for a spoken answer",
};

/** A key point as plain text: the reference's Markdown emphasis and code ticks would show as stray marks in a list. */
export function plainPoint(text: string): string {
  return text.replace(/\*\*|__|`/g, "").replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim();
}
