import type { Metadata } from "next";
import { requirePagePerson } from "@/lib/auth/current-person";
import { getHistory } from "@/lib/interview/interview-service";
import { formatScore } from "../_components/interview/grade-words";
import { ScoreChart } from "../_components/score-chart";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "History · Mock-interview coach" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Past interviews, newest first, and how each topic's scores moved over time. */
export default async function HistoryPage() {
  const person = await requirePagePerson("/history");
  const { entries, progress } = await getHistory({ ownerId: person.id });
  if (entries.length === 0) {
    return (
      <>
        <h1>History</h1>
        <section className="card empty-state" aria-labelledby="history-empty">
          <h2 id="history-empty">No interviews yet</h2>
          <p>
            Your past interviews and how your scores change over time will show here. <a href="/">Start an interview</a> to
            begin.
          </p>
        </section>
      </>
    );
  }
  return (
    <>
      <h1>History</h1>
      <section className="card" aria-labelledby="progress-heading">
        <h2 id="progress-heading">Scores over time</h2>
        {progress.some((topic) => topic.points.length > 0) ? (
          <ScoreChart progress={progress} />
        ) : (
          <p className="muted">No graded answers yet: the chart fills in as you answer questions.</p>
        )}
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Past interviews</h2>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Date (UTC)</th>
                <th scope="col">Style</th>
                <th scope="col">Topics</th>
                <th scope="col">Answered</th>
                <th scope="col">Average</th>
                <th scope="col">Session</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.startedAt}>{dateFormat.format(new Date(entry.startedAt))}</time>
                  </td>
                  <td>{entry.style}</td>
                  <td>{entry.topics.length > 0 ? entry.topics.join(", ") : "All topics"}</td>
                  <td>
                    {entry.answered} of {entry.questionCount}
                  </td>
                  <td>{entry.average === null ? "—" : `${formatScore(Math.round(entry.average * 10) / 10)} / 5`}</td>
                  <td>
                    <a href={`/interview/${encodeURIComponent(entry.id)}`}>
                      {entry.endedAt ? "View" : "Continue"}
                      <span className="visually-hidden"> the interview of {dateFormat.format(new Date(entry.startedAt))}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
