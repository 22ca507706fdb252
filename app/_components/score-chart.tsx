import type { TopicProgress } from "@/lib/interview/types";

/**
 * Average score per topic over time as an inline SVG line chart: one line per topic, each with its
 * own colour, dash and marker so the lines part without colour too. The picture is summarised in
 * its label for screen readers, and its numbers are in a table beside it.
 */

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 14, right: 16, bottom: 34, left: 34 };
// Mid-tone colours that read on the light and the dark background alike.
const COLOURS = ["#4f6bed", "#e8590c", "#2f9e44", "#ae3ec9", "#1c9cb8", "#c99a06", "#e03131", "#74b816"];
const DASHES = ["", "6 4", "2 4", "10 4 2 4", "1 3", "8 3 3 3"];
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

interface PlottedTopic {
  topic: string;
  colour: string;
  dash: string;
  points: { x: number; y: number; date: string; average: number; answers: number }[];
}

function formatDate(date: string): string {
  const time = Date.parse(date);
  return Number.isNaN(time) ? date : dateFormat.format(time);
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Where each point goes: time across (spread evenly when every point has the same date), score 0 to 5 up. */
function plot(progress: TopicProgress[]): { topics: PlottedTopic[]; first: string; last: string } {
  const dates = progress.flatMap((topic) => topic.points.map((point) => point.date));
  const times = dates.map((date) => Date.parse(date)).filter((time) => !Number.isNaN(time));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xOf = (date: string) => {
    const time = Date.parse(date);
    if (Number.isNaN(time) || max === min) return MARGIN.left + innerWidth / 2;
    return MARGIN.left + ((time - min) / (max - min)) * innerWidth;
  };
  const topics = progress.map((topic, index) => ({
    topic: topic.topic,
    colour: COLOURS[index % COLOURS.length]!,
    dash: DASHES[index % DASHES.length]!,
    points: [...topic.points]
      .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
      .map((point) => ({ ...point, x: xOf(point.date), y: MARGIN.top + (1 - Math.min(5, Math.max(0, point.average)) / 5) * innerHeight })),
  }));
  const sorted = [...dates].sort((a, b) => Date.parse(a) - Date.parse(b));
  return { topics, first: sorted[0] ?? "", last: sorted.at(-1) ?? "" };
}

/** One sentence per topic: where it started and where it is now. */
export function describeProgress(progress: TopicProgress[]): string {
  const { topics, first, last } = plot(progress);
  const span = first === last ? `on ${formatDate(first)}` : `from ${formatDate(first)} to ${formatDate(last)}`;
  const lines = topics.map(({ topic, points }) => {
    const start = points[0];
    const end = points.at(-1);
    if (!start || !end) return `${topic}: no scores`;
    return points.length === 1
      ? `${topic}: ${round(start.average)} (1 session)`
      : `${topic}: from ${round(start.average)} to ${round(end.average)} over ${points.length} sessions`;
  });
  return `Average score out of 5 by topic, ${span}. ${lines.join("; ")}.`;
}

export function ScoreChart({ progress }: { progress: TopicProgress[] }) {
  const withPoints = progress.filter((topic) => topic.points.length > 0);
  if (withPoints.length === 0) return null;
  const { topics, first, last } = plot(withPoints);
  const bottom = HEIGHT - MARGIN.bottom;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={describeProgress(withPoints)} className="chart-svg">
        {[0, 1, 2, 3, 4, 5].map((score) => {
          const y = MARGIN.top + (1 - score / 5) * (bottom - MARGIN.top);
          return (
            <g key={score}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y} y2={y} className="chart-grid" />
              <text x={MARGIN.left - 8} y={y + 4} textAnchor="end" className="chart-label">
                {score}
              </text>
            </g>
          );
        })}
        <text x={last === first ? MARGIN.left + (WIDTH - MARGIN.left - MARGIN.right) / 2 : MARGIN.left} y={HEIGHT - 10} textAnchor={last === first ? "middle" : "start"} className="chart-label">
          {formatDate(first)}
        </text>
        {last !== first && (
          <text x={WIDTH - MARGIN.right} y={HEIGHT - 10} textAnchor="end" className="chart-label">
            {formatDate(last)}
          </text>
        )}
        {topics.map((topic) => (
          <g key={topic.topic} stroke={topic.colour} fill={topic.colour}>
            <polyline points={topic.points.map((point) => `${point.x},${point.y}`).join(" ")} fill="none" strokeWidth={2.5} strokeDasharray={topic.dash || undefined} />
            {topic.points.map((point, index) => (
              <circle key={index} cx={point.x} cy={point.y} r={4} />
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="chart-legend" aria-label="Legend">
          {topics.map((topic) => (
            <li key={topic.topic}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke={topic.colour} strokeWidth={3} strokeDasharray={topic.dash || undefined} />
              </svg>
              {topic.topic}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="chart-data">
        <summary>Chart data as a table</summary>
        <table className="data-table">
          <caption>Average score by topic and date</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Date</th>
              <th scope="col">Average (out of 5)</th>
              <th scope="col">Answers</th>
            </tr>
          </thead>
          <tbody>
            {topics.flatMap((topic) =>
              topic.points.map((point, index) => (
                <tr key={`${topic.topic}-${index}`}>
                  <th scope="row">{topic.topic}</th>
                  <td>{formatDate(point.date)}</td>
                  <td>{round(point.average)}</td>
                  <td>{point.answers}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
