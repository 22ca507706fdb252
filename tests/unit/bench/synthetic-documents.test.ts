import { describe, expect, it } from "vitest";
import { qualifierVocabulary, varyDocument } from "@/lib/cli/bench/synthetic-documents";
import { parseDocument } from "@/lib/ingest/parse-document";
import { isSameQuestion } from "@/lib/ingest/question-identity";

const DOCUMENT = [
  "# Deep learning questions",
  "",
  "## 1. What is dropout?",
  "",
  "Dropout randomly drops units during training to prevent co-adaptation.",
  "",
  "## 2. Explain batch normalization",
  "",
  "Batch normalization normalizes the activations of a layer over the mini-batch.",
  "",
].join("\n");
const vocabulary = ["gradient", "kernel", "recurrent", "encoder", "softmax", "attention", "pooling", "embedding"];

describe("varyDocument", () => {
  it("rewords each question on its own line and leaves every other line as it was", async () => {
    const parsed = await parseDocument(new TextEncoder().encode(DOCUMENT));
    const varied = varyDocument({ text: DOCUMENT, questions: parsed.questions, copy: 0, vocabulary });
    const before = DOCUMENT.split("\n");
    const after = varied.split("\n");
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, index) => (line === before[index] ? [] : [index + 1]));
    expect(changed).toEqual(parsed.questions.map((question) => question.line));
    // Before the question mark, or after the last word of a question without one.
    expect(after[2]).toMatch(/^## 1\. What is dropout\b.+\?$/);
    expect(after[6]).toMatch(/^## 2\. Explain batch normalization\b.+$/);
  });

  it("is deterministic for a copy, differs between copies, and the copies' questions stay apart when ingested", async () => {
    const parsed = await parseDocument(new TextEncoder().encode(DOCUMENT));
    const copies = [0, 1, 2].map((copy) => varyDocument({ text: DOCUMENT, questions: parsed.questions, copy, vocabulary }));
    expect(varyDocument({ text: DOCUMENT, questions: parsed.questions, copy: 1, vocabulary })).toBe(copies[1]);
    expect(new Set(copies).size).toBe(3);
    const questions = (await Promise.all(copies.map((text) => parseDocument(new TextEncoder().encode(text))))).map((document) => document.questions.map((question) => question.question));
    for (const index of [0, 1]) {
      expect(isSameQuestion(questions[0]![index]!, questions[1]![index]!)).toBe(false);
      expect(isSameQuestion(questions[0]![index]!, parsed.questions[index]!.question)).toBe(false);
    }
    // The answers are the original ones.
    const reparsed = await parseDocument(new TextEncoder().encode(copies[2]!));
    expect(reparsed.questions.map((question) => question.answer)).toEqual(parsed.questions.map((question) => question.answer));
  });

  it("leaves a question alone when its words are not on its line, and rejects a vocabulary too small to vary with", () => {
    const text = "<b>1.</b>\nWhat is it";
    expect(varyDocument({ text, questions: [{ line: 1, question: "What is it" }], copy: 0, vocabulary })).toBe(text);
    expect(() => varyDocument({ text, questions: [], copy: 0, vocabulary: ["one"] })).toThrow(RangeError);
  });
});

describe("qualifierVocabulary", () => {
  it("lists the questions' longer words once each, commonest first", () => {
    expect(qualifierVocabulary(["What is dropout?", "Why does dropout help training?", "What is a GAN?"])).toEqual(["dropout", "training"]);
  });
});
