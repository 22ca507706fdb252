import type { QuestionWithSources } from "@/lib/db/queries/questions";
import { buildRubric, type Rubric } from "@/lib/grading/rubric";

/** The rubric of a corpus question: every source's answer split into key points, each cited. */
export function rubricForQuestion(item: QuestionWithSources): Rubric {
  const sources = item.sources.map((source) => ({ document: source.document, line: source.line, answer: source.answer }));
  return buildRubric({ question: item.question, sources: sources.some((source) => source.answer) ? sources : [{ ...sources[0]!, answer: item.answer }] });
}

/**
 * The rubric of a follow-up: only the points it probes, weighed among themselves as in the whole
 * rubric, so the follow-up answer is graded on what was asked and nothing else.
 */
export function followUpRubric(rubric: Rubric, question: string, points: readonly string[]): Rubric {
  const wanted = new Set(points);
  const kept = rubric.keyPoints.filter((point) => wanted.has(point.text));
  const total = kept.reduce((sum, point) => sum + point.weight, 0) || 1;
  return {
    ...rubric,
    question,
    keyPoints: kept.map((point, id) => ({ ...point, id, weight: point.weight / total })),
    referenceText: kept.map((point) => point.text).join("\n"),
  };
}

/**
 * The reference answer as Markdown for the feedback card: each source's answer under the document
 * and line it comes from (merged duplicates show every source that answers).
 */
export function referenceMarkdown(item: QuestionWithSources): string | null {
  const answered = item.sources.filter((source) => source.answer?.trim());
  if (answered.length === 0) return item.answer?.trim() || null;
  if (answered.length === 1) return answered[0]!.answer!.trim();
  return answered.map((source) => `**From ${source.document}, line ${source.line}:**\n\n${source.answer!.trim()}`).join("\n\n---\n\n");
}
