import { findBareQuestions, findFallbackQuestions, findLabelledQuestions } from "@/lib/ingest/bare-questions";
import { classifyLines, type DocLine } from "@/lib/ingest/classify-lines";
import { cleanAnswer, cleanQuestion, type AnswerLine } from "@/lib/ingest/clean-text";
import { assignHeadingRoles, type HeadingRole } from "@/lib/ingest/heading-roles";
import { findNumberedQuestions } from "@/lib/ingest/numbered-questions";
import { questionCue, splitInlineAnswer, splitTrailingNote } from "@/lib/ingest/question-like";
import type { SourceLine } from "@/lib/ingest/source-lines";
import type { ExtractedQuestion } from "@/lib/ingest/types";

/**
 * Finds every question in a document's Markdown-like lines with its reference answer, section and
 * line. Questions come, in order of trust, from headings, numbered lines, `Q:` labels and bare
 * lists; only a document with none of these falls back to lines ending with `?`. An answer runs
 * to the next question or the next heading that is not a subsection of its own answer.
 */

export interface Extraction {
  questions: ExtractedQuestion[];
  /** The document's title heading, cleaned, if it has one. */
  title: string | null;
}

type Origin = "heading" | "numbered" | "labelled" | "bare" | "fallback";

interface LineContext {
  /** Inside the answer of a heading question, where numbered lines are the answer's lists. */
  inQuestionBody: boolean;
  /** Inside `## Links` or the like, where nothing is a question. */
  inLinkSection: boolean;
  /** Counts sections; numbering may restart in each. */
  group: number;
  section: string | null;
}

/** Each line's place in the document's heading structure. */
function scanContext(lines: DocLine[], roles: Map<number, HeadingRole>): LineContext[] {
  const sections: { level: number; text: string }[] = [];
  let questionLevel: number | null = null;
  let linkLevel: number | null = null;
  let group = 0;
  return lines.map((line) => {
    const role = roles.get(line.index);
    if (line.kind === "heading" && role && role !== "subsection") {
      questionLevel = null;
      if (linkLevel !== null && line.level <= linkLevel) linkLevel = null;
      if (role === "section" || role === "link-section" || role === "question") {
        while (sections.length && sections.at(-1)!.level >= line.level) sections.pop();
      }
      const section = sections.at(-1)?.text ?? null;
      if (role === "section" || role === "link-section") {
        sections.push({ level: line.level, text: cleanQuestion(line.content) });
        group++;
      }
      if (role === "link-section") linkLevel = line.level;
      if (role === "question") questionLevel = line.level;
      return { inQuestionBody: false, inLinkSection: linkLevel !== null, group, section };
    }
    return { inQuestionBody: questionLevel !== null, inLinkSection: linkLevel !== null, group, section: sections.at(-1)?.text ?? null };
  });
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The question's full text and its last line: a bold question may wrap until its closing `**`,
 * and a numbered one that stops mid-sentence continues on a next line that ends with `?`.
 */
function questionSpan(lines: DocLine[], index: number, origin: Origin, stop: number): { text: string; end: number } {
  let text = lines[index]!.content;
  let end = index;
  if (origin === "heading") return { text, end };
  const unclosedBold = (value: string) => (value.match(/\*\*/g) ?? []).length % 2 === 1;
  while (unclosedBold(text) && end - index < 3 && end + 1 < stop && lines[end + 1]!.kind === "text") text += ` ${lines[++end]!.content}`;
  const next = end + 1 < stop ? lines[end + 1] : undefined;
  if (end === index && origin === "numbered" && !/[?？.!:)\]"”’*]$/.test(text) && next?.kind === "text" && !next.bullet && !next.numbering) {
    const continuation = cleanQuestion(next.content);
    if (questionCue(continuation).questionMark && wordCount(continuation) <= 25) text += ` ${lines[++end]!.content}`;
  }
  return { text, end };
}

function buildQuestion(lines: DocLine[], roles: Map<number, HeadingRole>, context: LineContext[], index: number, origin: Origin, stop: number): ExtractedQuestion {
  const span = questionSpan(lines, index, origin, stop);
  let { question, answer: note } = splitInlineAnswer(cleanQuestion(span.text));
  if (!note && (origin === "bare" || origin === "fallback")) ({ question, note } = splitTrailingNote(question));
  let end = span.end + 1;
  while (end < stop && !(lines[end]!.kind === "heading" && roles.get(end) !== "subsection")) end++;
  const answer: AnswerLine[] = lines.slice(span.end + 1, end).map((line) => ({ text: line.text, verbatim: line.kind === "code" || line.kind === "math" }));
  if (note) answer.unshift({ text: note, verbatim: false }, { text: "", verbatim: false });
  return { question, answer: cleanAnswer(answer), line: lines[index]!.line, section: context[index]!.section || null };
}

/** The questions of a document, in document order, and its title heading. */
export function extractQuestions(source: SourceLine[]): Extraction {
  const lines = classifyLines(source);
  const roles = assignHeadingRoles(lines);
  const context = scanContext(lines, roles);
  const origins = new Map<number, Origin>();
  for (const [index, role] of roles) if (role === "question") origins.set(index, "heading");
  const outsideAnswers = (line: DocLine) => !context[line.index]!.inQuestionBody && !context[line.index]!.inLinkSection;
  const outsideLinks = (line: DocLine) => !context[line.index]!.inLinkSection;
  for (const index of findNumberedQuestions(lines, outsideAnswers, (line) => context[line.index]!.group)) origins.set(index, "numbered");
  for (const index of findLabelledQuestions(lines, outsideLinks)) if (!origins.has(index)) origins.set(index, "labelled");
  for (const index of findBareQuestions(lines, outsideLinks, new Set(origins.keys()))) origins.set(index, "bare");
  if (!origins.size) {
    // No structure at all: bulleted lists of questions count, and so does any line ending with `?`.
    for (const index of findBareQuestions(lines, outsideLinks, new Set(), { bullets: true })) origins.set(index, "bare");
    for (const index of findFallbackQuestions(lines, outsideLinks)) if (!origins.has(index)) origins.set(index, "fallback");
  }

  const indices = [...origins.keys()].sort((a, b) => a - b);
  const questions = indices
    .map((index, position) => buildQuestion(lines, roles, context, index, origins.get(index)!, indices[position + 1] ?? lines.length))
    .filter((question) => question.question);
  const titleIndex = [...roles].find(([, role]) => role === "title")?.[0];
  const title = titleIndex === undefined ? null : cleanQuestion(lines[titleIndex]!.content) || null;
  return { questions, title };
}
