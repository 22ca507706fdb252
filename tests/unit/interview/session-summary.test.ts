import { describe, expect, it } from "vitest";
import { buildSessionSummary, type SummaryAnswer, type SummarySession } from "@/lib/interview/session-summary";
import { tableCell } from "@/lib/interview/session-summary-markdown";

const Q = {
  dropout: "00000000-0000-4000-8000-000000000001",
  adam: "00000000-0000-4000-8000-000000000002",
  bias: "00000000-0000-4000-8000-000000000003",
  relu: "00000000-0000-4000-8000-000000000004",
};

const session: SummarySession = {
  id: "10000000-0000-4000-8000-000000000000",
  startedAt: new Date("2026-03-02T09:05:00Z"),
  endedAt: new Date("2026-03-02T09:40:00Z"),
  style: "tough",
  plan: [
    { questionId: Q.dropout, question: "What is dropout?", topic: "Regularisation" },
    { questionId: Q.adam, question: "How does Adam | RMSprop\nadapt the step?", topic: "Optimisation" },
    { questionId: Q.bias, question: "Bias vs variance?", topic: "Regularisation" },
    { questionId: Q.relu, question: "Why ReLU?", topic: "Activations" },
  ],
};

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));
const answer = (questionId: string, score: number | null, minute: number, isFollowUp = false): SummaryAnswer => ({
  questionId,
  score,
  isFollowUp,
  createdAt: at(minute),
});

const now = new Date("2026-03-02T10:00:00Z");

describe("buildSessionSummary", () => {
  const answers = [
    answer(Q.dropout, 2, 10),
    answer(Q.dropout, 3.5, 12, true),
    // Asked again (e.g. after "repeat"): the latest graded main answer counts.
    answer(Q.dropout, 4.5, 14),
    answer(Q.adam, 1.5, 20),
    answer(Q.adam, 2, 21, true),
    answer(Q.adam, null, 22, true),
    answer(Q.bias, 3, 30),
  ];
  const cards = [{ questionId: Q.adam, due: new Date("2026-03-03T10:00:00Z") }];
  const summary = buildSessionSummary({ session, answers, cards, now });

  it("scores each planned question from its latest graded main answer, with its follow-ups", () => {
    expect(summary.questions.map(({ score, followUpScores }) => ({ score, followUpScores }))).toEqual([
      { score: 4.5, followUpScores: [3.5] },
      { score: 1.5, followUpScores: [2] },
      { score: 3, followUpScores: [] },
      { score: null, followUpScores: [] },
    ]);
    expect(summary.questions[1]).toMatchObject({ questionId: Q.adam, topic: "Optimisation" });
  });

  it("averages the answered questions only, and ranks topics lowest average first", () => {
    expect(summary.average).toBe(3);
    expect(summary.weakestTopics).toEqual([
      { topic: "Optimisation", average: 1.5, answered: 1 },
      { topic: "Regularisation", average: 3.75, answered: 2 },
    ]);
  });

  it("puts the skipped and the answers below 4 up for review, worst first, due from the card or now", () => {
    expect(summary.toReview).toEqual([
      { questionId: Q.relu, question: "Why ReLU?", topic: "Activations", score: null, due: now.toISOString() },
      { questionId: Q.adam, question: session.plan[1]!.question, topic: "Optimisation", score: 1.5, due: "2026-03-03T10:00:00.000Z" },
      { questionId: Q.bias, question: "Bias vs variance?", topic: "Regularisation", score: 3, due: now.toISOString() },
    ]);
  });

  it("takes answers in time order whatever order they are given in", () => {
    const shuffled = buildSessionSummary({ session, answers: [...answers].reverse(), cards, now });
    expect(shuffled.questions.map((item) => item.score)).toEqual(summary.questions.map((item) => item.score));
  });

  it("does not put up for review a question the interview never reached", () => {
    const early = buildSessionSummary({ session, answers, cards, now, askedQuestionIds: [Q.dropout, Q.adam, Q.bias] });
    expect(early.toReview.map((item) => item.questionId)).toEqual([Q.adam, Q.bias]);
    expect(early.markdown).toMatch(/\| 4 \| Activations \| Why ReLU\? \| not asked \|/);
  });

  it("exports a Markdown document with the date, style, scores, topics and due dates", () => {
    const { markdown } = summary;
    expect(markdown).toMatch(/^# Mock interview, 2026-03-02\n/);
    expect(markdown).toContain("- Style: tough");
    expect(markdown).toContain("- Average: 3 / 5");
    expect(markdown).toContain("| 1 | Regularisation | What is dropout? | 4.5 / 5 | 3.5 / 5 |");
    expect(markdown).toContain("| 4 | Activations | Why ReLU? | skipped |  |");
    expect(markdown).toContain("1. Optimisation: 1.5 / 5 (1 answered)");
    expect(markdown).toContain("(Optimisation, 1.5 / 5): due 2026-03-03");
    expect(markdown).toContain("- Why ReLU? (Activations, skipped): due 2026-03-02");
  });

  it("keeps a question with a pipe and a line break inside its table row", () => {
    const row = summary.markdown.split("\n").find((line) => line.startsWith("| 2 |"))!;
    expect(row).toBe("| 2 | Optimisation | How does Adam \\| RMSprop adapt the step? | 1.5 / 5 | 2 / 5 |");
    // Five columns: six unescaped pipes.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    expect(tableCell("a|b\r\n\nc")).toBe("a\\|b c");
  });

  it("writes dates in the time zone asked for", () => {
    const late = { ...session, startedAt: new Date("2026-03-02T23:30:00Z") };
    expect(buildSessionSummary({ session: late, answers, cards, now, timeZone: "Asia/Tokyo" }).markdown).toMatch(
      /^# Mock interview, 2026-03-03\n[\s\S]*Started: 2026-03-03 08:30 \(Asia\/Tokyo\)/,
    );
  });

  it("summarises an interview with no graded answer without inventing an average", () => {
    const empty = buildSessionSummary({ session, answers: [answer(Q.dropout, null, 10)], cards: [], now });
    expect(empty.average).toBeNull();
    expect(empty.weakestTopics).toEqual([]);
    expect(empty.toReview).toHaveLength(4);
    expect(empty.markdown).toContain("- Average: no answer graded");
    expect(empty.endedAt).toBe("2026-03-02T09:40:00.000Z");
  });
});
