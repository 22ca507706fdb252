import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { listQuestions, type QuestionWithSources } from "@/lib/db/queries/questions";
import { ingestDocuments, type IngestSummary } from "@/lib/ingest/ingest-documents";
import { testDatabases } from "./support/test-databases";

const root = path.resolve(import.meta.dirname, "../..");

// The five seed documents in content/, ingested as `npm start` does (lexical tier).
describe.each(testDatabases)("the seed corpus on $name", ({ open }) => {
  let handle: DatabaseHandle;
  let summary: IngestSummary;
  let items: QuestionWithSources[];

  beforeAll(async () => {
    handle = await open();
    summary = await ingestDocuments({ db: handle.db, embedder: null, inputs: ["content"], root, maxBytes: 10 << 20 });
    items = await listQuestions({ db: handle.db });
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("ingests every document without error", () => {
    expect(summary).toMatchObject({ documents: 5, errors: [], skipped: 0 });
    const perDocument = new Map<string, number>();
    for (const item of items) for (const source of item.sources) perDocument.set(source.document, (perDocument.get(source.document) ?? 0) + 1);
    expect(Object.fromEntries(perDocument)).toEqual({
      "content/95-neural-network-interview-questions.txt": 15,
      "content/deep-learning-common-problems.txt": 82,
      "content/deep-learning-interview-questions-pdf-text.txt": 126,
      "content/deep-learning-q-and-a-jekyll-page.txt": 25,
      "content/neural-network-questions-and-answers.txt": 13,
    });
    expect(summary).toMatchObject({ sources: 261, questions: 190, merged: 71 });
  });

  it("merges the same question across documents, keeping every source with its line", () => {
    const deepLearning = items.find((item) => item.question === "What is Deep Learning?");
    expect(deepLearning?.sources.map(({ answer: _answer, ...where }) => where)).toEqual([
      { document: "content/deep-learning-common-problems.txt", line: 4, question: "What is Deep Learning?" },
      { document: "content/deep-learning-interview-questions-pdf-text.txt", line: 3, question: "What is Deep Learning?" },
      { document: "content/deep-learning-interview-questions-pdf-text.txt", line: 649, question: "What is deep learning?" },
    ]);
    const boltzmann = items.find((item) => item.question === "What is the Boltzmann Machine?");
    expect(boltzmann?.sources).toHaveLength(3);
    // Different questions that share words stay apart.
    expect(items.filter((item) => /softmax/i.test(item.question)).length).toBeGreaterThanOrEqual(2);
  });

  it("keeps questions without an answer, usable in interviews", () => {
    const unanswered = items.filter((item) => item.answer === null);
    expect(unanswered).toHaveLength(14);
    expect(unanswered.map((item) => item.question)).toContain("What is transfer learning?");
  });

  it("gives every question a topic, from sections where a document has them", () => {
    expect(items.every((item) => item.topic.length > 0)).toBe(true);
    const topics = new Set(items.map((item) => item.topic));
    expect(topics.size).toBeGreaterThan(5);
    expect(items.find((item) => item.question === "How Does an LSTM Network Work?")?.topic).toBe("Recurrent networks and sequences");
  });

  it("answers the bare-list question with its parenthesised note", () => {
    const sigmoid = items.find((item) => item.question === "What is the problem with sigmoid during backpropagation?");
    expect(sigmoid?.answer).toBe("Very small, between 0.25 and zero.");
    expect(sigmoid?.sources.map(({ answer: _answer, ...where }) => where)).toEqual([{ document: "content/neural-network-questions-and-answers.txt", line: 45, question: "What is the problem with sigmoid during backpropagation?" }]);
  });
});
