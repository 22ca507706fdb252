import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { NO_QUESTIONS_MESSAGE, parseDocument } from "@/lib/ingest/parse-document";
import { makePdf } from "./make-pdf";
import { fixtureBytes } from "./parse-fixtures";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function rejection(bytes: Uint8Array): Promise<AppError> {
  try {
    await parseDocument(bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected parseDocument to reject");
}

describe("parseDocument: unusable documents", () => {
  it("rejects an empty and a whitespace-only document", async () => {
    expect(await rejection(fixtureBytes("empty.txt"))).toMatchObject({ code: "bad_request", message: "This document is empty." });
    expect((await rejection(fixtureBytes("whitespace.txt"))).message).toMatch(/empty .*whitespace/);
    expect((await rejection(new Uint8Array([0xef, 0xbb, 0xbf]))).message).toMatch(/empty/);
  });

  it("rejects binary content", async () => {
    const error = await rejection(fixtureBytes("binary.bin"));
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/binary/);
  });

  it("rejects Latin-1 text, saying at which byte", async () => {
    const error = await rejection(fixtureBytes("latin1.txt"));
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain("not valid UTF-8");
    expect(error.message).toContain("byte offset 16 (0xE9)");
  });

  it("rejects a document with no questions, saying what was expected", async () => {
    const error = await rejection(fixtureBytes("no-questions.md"));
    expect(error).toMatchObject({ code: "bad_request", message: NO_QUESTIONS_MESSAGE });
    expect(error.message).toContain("numbered questions (1. / 1) / **1.** / ## 1.)");
  });

  it("rejects a PDF without extractable text", async () => {
    const error = await rejection(makePdf([[], []]));
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/no extractable text/);
  });
});

describe("parseDocument: readable documents", () => {
  it("reads a PDF: line numbers count lines of the extracted text, pages joined by newlines", async () => {
    const pdf = makePdf([
      ["Deep learning notes", "1. What is a neuron?", "A unit that sums weighted inputs.", "2. Why use ReLU?"],
      ["It avoids saturation (for x > 0).", "3. Explain dropout.", "Randomly zeroes units."],
    ]);
    const document = await parseDocument(pdf);
    expect(document.format).toBe("pdf");
    expect(document.questions).toEqual([
      { question: "What is a neuron?", answer: "A unit that sums weighted inputs.", line: 2, section: null },
      { question: "Why use ReLU?", answer: "It avoids saturation (for x > 0).", line: 4, section: null },
      { question: "Explain dropout.", answer: "Randomly zeroes units.", line: 6, section: null },
    ]);
  });

  it("accepts a byte-order mark and CRLF line endings without shifting line numbers", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("# Notes\r\n\r\n1. What is a tensor?\r\nAn array.\r\n2. What is a graph?\r\n")]);
    const document = await parseDocument(bytes);
    expect(document.title).toBe("Notes");
    expect(document.questions.map((question) => [question.line, question.question, question.answer])).toEqual([
      [3, "What is a tensor?", "An array."],
      [5, "What is a graph?", null],
    ]);
  });

  it("falls back to lines ending with '?' when a document has no other structure", async () => {
    const document = await parseDocument(utf8("Some notes.\nWhat is a tensor?\nAn n-dimensional array.\n\nWhy normalise inputs?\nFaster, stabler training."));
    expect(document.questions.map((question) => [question.line, question.question, question.answer])).toEqual([
      [2, "What is a tensor?", "An n-dimensional array."],
      [5, "Why normalise inputs?", "Faster, stabler training."],
    ]);
  });

  it("reads Q:/A: labelled questions", async () => {
    const document = await parseDocument(utf8("Q: What is a tensor?\nA: An n-dimensional array.\n\nQuestion 2: Why batch?\nAnswer: Throughput."));
    expect(document.questions.map((question) => [question.question, question.answer])).toEqual([
      ["What is a tensor?", "An n-dimensional array."],
      ["Why batch?", "Throughput."],
    ]);
  });

  it("takes the front matter title and skips numbered tables of contents", async () => {
    const text = "---\ntitle: 'ML notes'\n---\n1. [What is a tensor?](#what-is-a-tensor)\n2. [Why batch?](#why-batch)\n\n## 1. What is a tensor?\nAn array.\n## 2. Why batch?\nThroughput.";
    const document = await parseDocument(utf8(text));
    expect(document.title).toBe("ML notes");
    expect(document.questions).toEqual([
      { question: "What is a tensor?", answer: "An array.", line: 7, section: null },
      { question: "Why batch?", answer: "Throughput.", line: 9, section: null },
    ]);
  });
});
