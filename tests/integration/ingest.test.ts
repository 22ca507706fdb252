import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { replaceDocument } from "@/lib/db/queries/documents";
import { listQuestions } from "@/lib/db/queries/questions";
import { chunks, documents, questionSources } from "@/lib/db/schema";
import { ingestDocuments } from "@/lib/ingest/ingest-documents";
import { mergePolicy } from "@/lib/ingest/merge-policy";
import { testDatabases } from "./support/test-databases";

const DOC_A = ["# Regularisation notes", "", "## 1. What is dropout?", "Dropout randomly zeroes activations during training.", "", "## 2. What is ReLU?", "ReLU is max(0, x).", ""].join("\n");
const DOC_B = ["# More notes", "", "**1. What do you mean by Dropout?**", "", "It drops units at random so they cannot co-adapt.", "", "**2. What is batch normalization?**", "", ""].join("\n");

describe.each(testDatabases)("ingestion on $name", ({ open }) => {
  let handle: DatabaseHandle;
  let root: string;
  const ingest = (inputs = ["notes"], maxBytes = 1024 * 1024) => ingestDocuments({ db: handle.db, embedder: null, inputs, root, maxBytes });
  const write = (file: string, content: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  };

  beforeAll(async () => {
    handle = await open();
    root = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-"));
    write("notes/a.md", DOC_A);
    write("notes/b.md", DOC_B);
  });

  afterAll(async () => {
    await handle?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("indexes every question with its sources, merging the same question across documents", async () => {
    const summary = await ingest();
    expect(summary).toMatchObject({ documents: 2, questions: 3, sources: 4, merged: 1, skipped: 0, errors: [] });
    const items = await listQuestions({ db: handle.db });
    const dropout = items.find((item) => item.question === "What is dropout?");
    expect(dropout?.sources.map(({ answer: _answer, ...where }) => where)).toEqual([
      { document: "notes/a.md", line: 3, question: "What is dropout?" },
      { document: "notes/b.md", line: 3, question: "What do you mean by Dropout?" },
    ]);
    // Both answers are kept in the merged reference answer.
    expect(dropout?.answer).toContain("randomly zeroes activations");
    expect(dropout?.answer).toContain("cannot co-adapt");
    const batchNorm = items.find((item) => item.question === "What is batch normalization?");
    expect(batchNorm?.answer).toBeNull();
    expect(batchNorm?.topic).toBe("Regularisation");
  });

  it("does nothing for unchanged documents", async () => {
    const before = await listQuestions({ db: handle.db });
    const summary = await ingest();
    expect(summary).toMatchObject({ documents: 2, skipped: 2, questions: 3, errors: [] });
    expect(await listQuestions({ db: handle.db })).toEqual(before);
  });

  it("replaces a changed document's items and keeps the other documents' sources", async () => {
    write("notes/b.md", ["**1. What is an epoch?**", "", "One pass over the training data.", ""].join("\n"));
    const summary = await ingest();
    expect(summary).toMatchObject({ documents: 2, skipped: 1, questions: 3, sources: 3, merged: 0 });
    const items = await listQuestions({ db: handle.db });
    const dropout = items.find((item) => item.question === "What is dropout?");
    expect(dropout?.sources.map((source) => source.document)).toEqual(["notes/a.md"]);
    expect(dropout?.answer).not.toContain("co-adapt");
    expect(items.map((item) => item.question)).toContain("What is an epoch?");
    expect(items.map((item) => item.question)).not.toContain("What is batch normalization?");
  });

  it("removes the items of a document deleted from an ingested folder", async () => {
    fs.rmSync(path.join(root, "notes/a.md"));
    const summary = await ingest();
    expect(summary).toMatchObject({ documents: 1, removed: 1, questions: 1 });
    expect((await listQuestions({ db: handle.db })).map((item) => item.question)).toEqual(["What is an epoch?"]);
    write("notes/a.md", DOC_A);
    expect(await ingest()).toMatchObject({ documents: 2, questions: 3, removed: 0 });
  });

  it("reports each bad document clearly, ingests the rest and writes nothing for the bad ones", async () => {
    write("notes/empty.md", "  \n\n");
    write("notes/binary.bin", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    write("notes/latin1.txt", new Uint8Array([...Buffer.from("1. Qu'est-ce qu'un r"), 0xe9, ...Buffer.from("seau?\n")]));
    write("notes/no-questions.md", "# Shopping list\n\nMilk, eggs and bread.\n");
    write("notes/huge.md", `1. Is this too big?\n${"x".repeat(4096)}\n`);
    const summary = await ingest(["notes", "missing-folder"], 2048);
    const byDocument = Object.fromEntries(summary.errors.map((error) => [error.document, error.message]));
    expect(Object.keys(byDocument).sort()).toEqual(
      ["missing-folder", "notes/binary.bin", "notes/empty.md", "notes/huge.md", "notes/latin1.txt", "notes/no-questions.md"].sort(),
    );
    expect(byDocument["notes/huge.md"]).toMatch(/limit is 0\.0 MB|limit/);
    expect(byDocument["notes/empty.md"]).toMatch(/empty/i);
    expect(byDocument["notes/latin1.txt"]).toMatch(/UTF-8/);
    expect(byDocument["missing-folder"]).toMatch(/No such file/);
    expect(summary).toMatchObject({ documents: 2, questions: 3 });
    const stored = await handle.db.select({ path: documents.path }).from(documents);
    expect(stored.map((row) => row.path).sort()).toEqual(["notes/a.md", "notes/b.md"]);
    for (const file of ["empty.md", "binary.bin", "latin1.txt", "no-questions.md", "huge.md"]) fs.rmSync(path.join(root, "notes", file));
  });

  it("leaves no half-written document when a write fails mid-transaction", async () => {
    const failing = { ...mergePolicy, canonicalize: () => { throw new Error("disk full"); } };
    const document = {
      path: "notes/c.md", contentHash: "c", format: "markdown", bytes: 10, title: null, embeddingModel: null, embeddingDims: null,
      sources: [{ question: "What is a tensor?", answer: "An n-dimensional array.", line: 1, section: null, chunks: [{ kind: "question" as const, ordinal: 0, text: "What is a tensor?", embedding: null }] }],
    };
    await expect(replaceDocument({ db: handle.db, document, policy: failing })).rejects.toThrow();
    expect(await handle.db.select().from(documents).where(eq(documents.path, "notes/c.md"))).toHaveLength(0);
    expect(await handle.db.select().from(questionSources).where(eq(questionSources.question, "What is a tensor?"))).toHaveLength(0);
    expect(await handle.db.select().from(chunks).where(eq(chunks.text, "What is a tensor?"))).toHaveLength(0);
  });
});
