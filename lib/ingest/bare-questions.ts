import type { DocLine } from "@/lib/ingest/classify-lines";
import { cleanQuestion } from "@/lib/ingest/clean-text";
import { isQuestionLike, isStandaloneQuestion, questionCue, splitTrailingNote } from "@/lib/ingest/question-like";

/**
 * Questions with no number or heading to announce them: `Q:`-labelled lines, bare lists of
 * questions (lines that each read as a question, with nothing but blank lines between them),
 * and, when a document shows no structure at all, any line that ends with a question mark.
 */

const LABELLED = /^(?:\*\*|__)?\s*(?:q|question)\s*\d{0,3}\s*[:.)]\s*\S/i;
const ENDS_WITH_URL = /https?:\/\/\S+\s*$/;
// A bare question must be a sentence, not a fragment ("Why?").
const MIN_WORDS = 2;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Line indices of `Q:` / `Question 3:` lines. */
export function findLabelledQuestions(lines: DocLine[], eligible: (line: DocLine) => boolean): number[] {
  return lines.filter((line) => line.kind === "text" && eligible(line) && LABELLED.test(line.content)).map((line) => line.index);
}

/** A link list item (`Explain the tradeoff: https://…`) is a reference, even when it reads like a question. */
function questionPart(line: DocLine): string | null {
  const { question } = splitTrailingNote(cleanQuestion(line.content));
  return ENDS_WITH_URL.test(question) || words(question) < MIN_WORDS ? null : question;
}

function isBareCandidate(line: DocLine, bullets: boolean): boolean {
  if (line.kind !== "text" || (line.bullet && !bullets) || line.numbering) return false;
  const question = questionPart(line);
  return question !== null && isStandaloneQuestion(question);
}

/**
 * Line indices of bare lists of questions: runs of at least two candidate lines separated only by
 * blank lines. One such line alone is more likely a question asked inside an answer, and so is a
 * bulleted list of them, unless `bullets` says the document has no other questions.
 */
export function findBareQuestions(lines: DocLine[], eligible: (line: DocLine) => boolean, taken: Set<number>, { bullets = false } = {}): number[] {
  const found: number[] = [];
  let run: number[] = [];
  const endRun = () => {
    if (run.length >= 2) for (const index of run) found.push(index);
    run = [];
  };
  for (const line of lines) {
    if (line.kind === "blank") continue;
    if (!taken.has(line.index) && eligible(line) && isBareCandidate(line, bullets)) run.push(line.index);
    else endRun();
  }
  endRun();
  return found;
}

/**
 * The last resort for a document with no numbered, heading, labelled or listed questions: every
 * line (bulleted ones too) ending with a question mark, and every fully bold line that reads like
 * a question (`**Explain dropout.**`).
 */
export function findFallbackQuestions(lines: DocLine[], eligible: (line: DocLine) => boolean): number[] {
  return lines
    .filter((line) => {
      if (line.kind !== "text" || !eligible(line)) return false;
      const question = questionPart(line);
      if (question === null) return false;
      const bold = /^(\*\*|__).+\1$/.test(line.content);
      return questionCue(question).questionMark || (bold && isQuestionLike(question));
    })
    .map((line) => line.index);
}
