import type { SessionSummary } from "@/lib/interview/types";
import { formatScore } from "./grade-words";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

function formatDue(due: string): string {
  const date = new Date(due);
  return Number.isNaN(date.getTime()) ? due : dateFormat.format(date);
}

/** The end-of-session report: scores per question, average, weakest topics, what to review, export. */
export function SessionSummaryView({ summary }: { summary: SessionSummary }) {
  return (
    <section role="region" aria-labelledby="summary-heading" className="card summary" tabIndex={-1} id="session-summary">
      <h2 id="summary-heading">Session summary</h2>
      <p className="summary-average">
        Average: <strong>{summary.average === null ? "no answer graded" : `${formatScore(Math.round(summary.average * 10) / 10)} / 5`}</strong>
      </p>
      {summary.questions.length > 0 && (
        <table className="data-table">
          <caption>Score per question</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Topic</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {summary.questions.map((question) => (
              <tr key={question.questionId}>
                <td>{question.question}</td>
                <td>{question.topic}</td>
                <td>
                  {question.score === null ? "skipped" : `${formatScore(question.score)} / 5`}
                  {question.followUpScores.length > 0 && (
                    <span className="muted"> (follow-up {question.followUpScores.map((score) => `${formatScore(score)} / 5`).join(", ")})</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.weakestTopics.length > 0 && (
        <>
          <h3>Weakest topics</h3>
          <ol>
            {summary.weakestTopics.map((topic) => (
              <li key={topic.topic}>
                {topic.topic}: {formatScore(Math.round(topic.average * 10) / 10)} / 5 over {topic.answered} {topic.answered === 1 ? "answer" : "answers"}
              </li>
            ))}
          </ol>
        </>
      )}
      {summary.toReview.length > 0 && (
        <>
          <h3>What to review</h3>
          <ol>
            {summary.toReview.map((item) => (
              <li key={item.questionId}>
                {item.question} <span className="muted">({item.topic}; {item.score === null ? "not answered" : `${formatScore(item.score)} / 5`}; comes back{" "}
                  <time dateTime={item.due} suppressHydrationWarning>
                    {formatDue(item.due)}
                  </time>
                  )</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <p>
        <a className="button" href={`/api/interviews/${encodeURIComponent(summary.id)}/summary.md`} download={`interview-${summary.id}.md`}>
          Export as Markdown
        </a>
      </p>
    </section>
  );
}
