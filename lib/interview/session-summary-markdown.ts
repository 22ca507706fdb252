import type { SessionSummary } from "./types";

/**
 * The summary as a Markdown document to export: title with the date, style, a table of the
 * questions with their scores, the average, the weakest topics and what to review with due dates.
 * `notAsked` names the questions the interview never reached. Dates are written in `timeZone`.
 */
export function renderSummaryMarkdown({
  summary,
  notAsked = new Set(),
  timeZone = "UTC",
}: {
  summary: Omit<SessionSummary, "markdown">;
  notAsked?: ReadonlySet<string>;
  timeZone?: string;
}): string {
  const started = new Date(summary.startedAt);
  const answered = summary.questions.filter((item) => item.score !== null).length;
  const lines = [
    `# Mock interview, ${formatDay(started, timeZone)}`,
    "",
    `- Style: ${summary.style}`,
    `- Started: ${formatDay(started, timeZone)} ${formatTime(started, timeZone)} (${timeZone})`,
    `- Answered: ${answered} of ${summary.questions.length} questions`,
    `- Average: ${summary.average === null ? "no answer graded" : formatScore(summary.average)}`,
    "",
    "## Questions",
    "",
    "| # | Topic | Question | Score | Follow-ups |",
    "| ---: | --- | --- | --- | --- |",
    ...summary.questions.map((item, index) => {
      const score = item.score !== null ? formatScore(item.score) : notAsked.has(item.questionId) ? "not asked" : "skipped";
      const followUps = item.followUpScores.map(formatScore).join(", ");
      return `| ${index + 1} | ${tableCell(item.topic)} | ${tableCell(item.question)} | ${score} | ${followUps} |`;
    }),
    "",
    "## Weakest topics",
    "",
    ...(summary.weakestTopics.length === 0
      ? ["No answer was graded."]
      : summary.weakestTopics.map(
          (topic, index) => `${index + 1}. ${inline(topic.topic)}: ${formatScore(topic.average)} (${topic.answered} answered)`,
        )),
    "",
    "## To review",
    "",
    ...(summary.toReview.length === 0
      ? ["Nothing: every answer scored 4 or more."]
      : summary.toReview.map(
          (item) =>
            `- ${inline(item.question)} (${inline(item.topic)}, ${item.score === null ? "skipped" : formatScore(item.score)}): ` +
            `due ${formatDay(new Date(item.due), timeZone)}`,
        )),
  ];
  return `${lines.join("\n")}\n`;
}

/** "3.5 / 5", "4 / 5": at most one decimal. */
export function formatScore(score: number): string {
  return `${Math.round(score * 10) / 10} / 5`;
}

/** Text made safe for one cell of a GFM table: one line, pipes escaped. */
export function tableCell(text: string): string {
  return inline(text).replace(/\|/g, "\\|");
}

/** Text on one line, so a question with line breaks cannot break a list item or a table row. */
function inline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** YYYY-MM-DD in the time zone, whatever the server's locale. */
export function formatDay(date: Date, timeZone: string): string {
  const part = parts(date, timeZone, { year: "numeric", month: "2-digit", day: "2-digit" });
  return `${part.year}-${part.month}-${part.day}`;
}

function formatTime(date: Date, timeZone: string): string {
  const part = parts(date, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${part.hour}:${part.minute}`;
}

function parts(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const formatted = new Intl.DateTimeFormat("en-US", { ...options, timeZone }).formatToParts(date);
  return Object.fromEntries(formatted.map((part) => [part.type, part.value]));
}
