import type { CoveredPoint, GradeFlag } from "./grade-result";
import type { KeyPoint } from "./rubric";
import { contentStems } from "./text-terms";

/**
 * Two to four sentences an interviewer would say: the verdict, what landed, what to add, and a
 * word on anything that was set aside. Written from the rubric, never from the answer's own text
 * beyond quoting it, so nothing in an answer can put words in the grader's mouth.
 */
export function writeFeedback({ score, covered, missed, flags }: { score: number; covered: CoveredPoint[]; missed: KeyPoint[]; flags: GradeFlag[] }): string {
  const sentences: string[] = [];
  if (flags.includes("no-answer")) sentences.push("No answer yet, and that is fine: this is practice, so read the reference and try it in your own words.");
  else if (flags.includes("gibberish")) sentences.push("This does not read as an answer, so it could not be graded on content.");
  else if (flags.includes("copied-question")) sentences.push("This repeats the question rather than answering it.");
  else if (flags.includes("off-topic")) sentences.push("This answer does not address the question that was asked.");
  else if (flags.includes("other-question")) sentences.push("This reads like the answer to a different question from your notes, not to this one.");
  else if (score >= 4.5) sentences.push("Excellent: you covered the key points clearly.");
  else if (score >= 3.5) sentences.push("A good answer that covers most of what matters.");
  else if (score >= 2) sentences.push("A partial answer: the core is there, but important points are missing.");
  else sentences.push("This misses most of what the question is after.");

  if (covered.length && !flags.includes("copied-question")) sentences.push(`You got across: ${covered.slice(0, 2).map((point) => gist(point.point)).join("; ")}.`);
  if (missed.length) sentences.push(`To make it stronger, cover: ${missed.slice(0, 2).map((point) => gist(point.text)).join("; ")}.`);
  if (flags.includes("keyword-list")) sentences.push("Naming terms is a start; explain how they connect to earn the points.");
  if (flags.includes("wrong-statement")) sentences.push("Careful: part of the answer states the opposite of the reference.");
  if (flags.includes("manipulation")) sentences.push("Parts of the answer spoke to the grader instead of the question; they were ignored.");
  return sentences.slice(0, 4).join(" ");
}

/**
 * A follow-up aimed at the most important missed point, asked without giving the point away: it
 * names what to talk about (the point's most telling words), not what to say.
 */
export function writeFollowUp({ question, missed }: { question: string; missed: KeyPoint[] }): string | null {
  const target = [...missed].filter((point) => point.kind === "point").sort((a, b) => b.weight - a.weight)[0];
  if (!target || target.weight < 0.1) return null;
  const questionStems = new Set(contentStems(question));
  const focus = (target.text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*[\p{L}\p{N}]/gu) ?? [])
    .filter((word) => word.length > 3 && contentStems(word).length > 0 && !questionStems.has(contentStems(word)[0]!))
    .filter((word, index, all) => all.indexOf(word) === index)
    .slice(0, 3);
  if (focus.length === 0) return `Can you go a bit deeper on "${question.replace(/[?.!]+$/, "")}"? What else is important here?`;
  return `Let's dig a little deeper: what role ${focus.length > 1 ? "do" : "does"} ${joinWords(focus)} play here?`;
}

/** A key point shortened to its first clause, at most about twelve words. */
function gist(text: string): string {
  const clause = text.replace(/\*\*|__|`/g, "").split(/(?<=[.;:])\s|\s[-–—]\s/)[0]!.replace(/[.;:]$/, "");
  const parts = clause.split(/\s+/);
  return parts.length > 12 ? `${parts.slice(0, 12).join(" ")}…` : clause;
}

function joinWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
