import { describe, expect, it } from "vitest";
import { buildHistory, buildTopicProgress, type HistorySession, type ProgressAnswer } from "@/lib/interview/session-summary";

const plan = [
  { questionId: "00000000-0000-4000-8000-000000000001", question: "What is dropout?", topic: "Regularisation" },
  { questionId: "00000000-0000-4000-8000-000000000002", question: "What does Adam do?", topic: "Optimisation" },
];
const [dropout, adam] = plan.map((item) => item.questionId) as [string, string];

const sessions: HistorySession[] = [
  { id: "s2", startedAt: new Date("2026-03-05T10:00:00Z"), endedAt: null, style: "neutral", topics: [], plan },
  { id: "s1", startedAt: new Date("2026-03-01T10:00:00Z"), endedAt: new Date("2026-03-01T10:30:00Z"), style: "friendly", topics: ["Regularisation"], plan },
];

const [s2, s1] = sessions as [HistorySession, HistorySession];

function answer(session: HistorySession, questionId: string, score: number | null, topic: string, minute: number, isFollowUp = false): ProgressAnswer {
  return {
    sessionId: session.id,
    questionId,
    score,
    topic,
    isFollowUp,
    createdAt: new Date(session.startedAt.getTime() + minute * 60_000),
    sessionStartedAt: session.startedAt,
  };
}

const answers = [
  answer(s1, dropout, 2, "Regularisation", 1),
  answer(s1, dropout, 5, "Regularisation", 2, true),
  answer(s1, adam, 4, "Optimisation", 3),
  answer(s2, dropout, 3, "Regularisation", 1),
  answer(s2, dropout, 4, "Regularisation", 4),
  answer(s2, adam, null, "Optimisation", 5),
];

describe("buildHistory", () => {
  it("gives each session, in the order given, its answered count and average", () => {
    expect(buildHistory(sessions, answers)).toEqual([
      {
        id: "s2",
        startedAt: "2026-03-05T10:00:00.000Z",
        endedAt: null,
        style: "neutral",
        topics: [],
        questionCount: 2,
        answered: 1,
        average: 4,
      },
      {
        id: "s1",
        startedAt: "2026-03-01T10:00:00.000Z",
        endedAt: "2026-03-01T10:30:00.000Z",
        style: "friendly",
        topics: ["Regularisation"],
        questionCount: 2,
        answered: 2,
        average: 3,
      },
    ]);
  });

  it("reports a session without answers as answered 0 with no average", () => {
    expect(buildHistory(sessions, [])).toMatchObject([{ answered: 0, average: null }, { answered: 0, average: null }]);
  });
});

describe("buildTopicProgress", () => {
  it("averages main answers per topic and day, oldest first, a re-answered question counted once", () => {
    expect(buildTopicProgress(answers)).toEqual([
      { topic: "Optimisation", points: [{ date: "2026-03-01", average: 4, answers: 1 }] },
      {
        topic: "Regularisation",
        points: [
          { date: "2026-03-01", average: 2, answers: 1 },
          { date: "2026-03-05", average: 4, answers: 1 },
        ],
      },
    ]);
  });

  it("puts two interviews of one day in one point", () => {
    const sameDay = { ...s1, id: "s3", startedAt: new Date("2026-03-01T18:00:00Z") };
    const progress = buildTopicProgress([...answers, answer(sameDay, adam, 1, "Optimisation", 1)]);
    expect(progress[0]).toEqual({ topic: "Optimisation", points: [{ date: "2026-03-01", average: 2.5, answers: 2 }] });
  });

  it("counts days in the time zone asked for", () => {
    const late = answer(s1, adam, 3, "Optimisation", 0);
    late.sessionStartedAt = new Date("2026-03-01T23:30:00Z");
    expect(buildTopicProgress([late], { timeZone: "Europe/Berlin" })[0]!.points[0]!.date).toBe("2026-03-02");
    expect(buildTopicProgress([late])[0]!.points[0]!.date).toBe("2026-03-01");
  });
});
