import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/queries/rows-of";
import { searchVector } from "@/lib/db/queries/search-vector";
import { ensureVectorIndexes } from "@/lib/db/queries/vector-index";
import type { Embedder } from "@/lib/embeddings";
import { ingestDocuments } from "@/lib/ingest/ingest-documents";
import { searchQuestions } from "@/lib/retrieval/search-questions";
import { DEFAULT_SEARCH_SETTINGS } from "@/lib/retrieval/search-settings";
import { createConceptEmbedder } from "../fixtures/search/concept-embedder";
import { testDatabases } from "./support/test-databases";

const VISION = [
  "# Vision",
  "",
  "## 1. What is a convolutional neural network?",
  "A convolutional neural network (CNN) slides learned filters over the input image.",
  "",
  "## 2. Why are CNNs translation invariant?",
  "Pooling and shared filters make the output change little when the input shifts.",
  "",
  "## 3. What is pooling?",
  "It downsamples feature maps; max pooling keeps the largest value of each window.",
  "",
].join("\n");
const SEQUENCES = [
  "# Sequences",
  "",
  "## 1. What is a long short-term memory network?",
  "Long short-term memory (LSTM) is a recurrent architecture that keeps a cell state.",
  "",
  "## 2. Which gates does an LSTM have?",
  "Input, forget and output gates decide what the cell writes, keeps and shows.",
  "",
  "## 3. What is dropout?",
  "Dropout randomly zeroes activations during training so units cannot co-adapt.",
  "",
  "## 4. What is a self-driving car?",
  "A vehicle that steers itself from camera and lidar input.",
  "",
].join("\n");

describe.each(testDatabases)("search on $name", ({ open }) => {
  let handle: DatabaseHandle;
  let root: string;
  const embedder = createConceptEmbedder([["automobile", "car", "vehicle"], ["pool", "downsampl"], ["dropout", "regulari"]]);
  const search = (query: string, options: { embedder?: Embedder | null; k?: number; topics?: string[] } = {}) =>
    searchQuestions({ db: handle.db, query, embedder: options.embedder ?? null, k: options.k ?? 5, topics: options.topics });
  const top = async (query: string, options?: Parameters<typeof search>[1]) => (await search(query, options)).results[0]?.question;

  beforeAll(async () => {
    handle = await open();
    root = fs.mkdtempSync(path.join(os.tmpdir(), "search-"));
    fs.mkdirSync(path.join(root, "notes"));
    fs.writeFileSync(path.join(root, "notes/vision.md"), VISION);
    fs.writeFileSync(path.join(root, "notes/sequences.md"), SEQUENCES);
    const summary = await ingestDocuments({ db: handle.db, embedder, inputs: ["notes"], root, maxBytes: 1 << 20 });
    expect(summary.errors).toEqual([]);
  });

  afterAll(async () => {
    await handle?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("ranks by BM25 over stemmed words, and returns each question with its sources", async () => {
    const response = await search("how does dropout help while training units");
    expect(response.tier).toBe("lexical");
    expect(response.results[0]).toMatchObject({ question: "What is dropout?", sources: [{ document: "notes/sequences.md", line: 9 }] });
    expect(response.results[0]!.score).toBeGreaterThan(response.results[1]?.score ?? 0);
  });

  it("weighs a match in a question's wording above one in another question's answer", async () => {
    const results = (await search("pooling")).results.map((result) => result.question);
    expect(results[0]).toBe("What is pooling?");
    expect(results).toContain("Why are CNNs translation invariant?");
  });

  it("ignores spoken fillers and chatty preambles", async () => {
    const response = await search("um so like, what's the deal with, uh, pooling?");
    expect(response.analysis.cleaned).not.toMatch(/\bum\b|\buh\b|deal/);
    expect(response.results[0]?.question).toBe("What is pooling?");
  });

  it("reads a misspelled word as the nearest word of the corpus", async () => {
    const response = await search("explain dropuot");
    expect(response.analysis.corrections).toContainEqual(expect.objectContaining({ from: "dropuot", to: "dropout" }));
    expect(response.results[0]?.question).toBe("What is dropout?");
  });

  it("expands an abbreviation the corpus defines, from the long form to the short one", async () => {
    const response = await search("what makes convolutional neural networks translation invariant");
    expect(response.analysis.expansions).toContainEqual({ short: "CNN", long: expect.stringMatching(/^convolutional neural network$/i) });
    expect(response.results[0]?.question).toBe("Why are CNNs translation invariant?");
    // The two forms are alternatives of one concept, so a chunk using both is not paid twice.
    const term = (lexeme: string) => response.analysis.terms.find((candidate) => candidate.lexeme === lexeme);
    expect(term("cnn")).toMatchObject({ alternative: 1, concept: term("convolut")!.concept });
    expect(term("neural")).toMatchObject({ alternative: 0, concept: term("convolut")!.concept });
    expect(term("translat")!.concept).not.toBe(term("convolut")!.concept);
    const withoutExpansion = await searchQuestions({ db: handle.db, query: response.query, embedder: null, settings: { ...DEFAULT_SEARCH_SETTINGS, shortFormWeight: 0 } });
    expect(withoutExpansion.results[0]!.score).toBeLessThan(response.results[0]!.score);
  });

  it("expands an abbreviation the corpus defines, from the short form to the long one", async () => {
    const response = await search("LSTM cell state");
    expect(response.analysis.expansions).toContainEqual({ short: "LSTM", long: expect.stringMatching(/^long short-term memory$/i) });
    expect(await top("which gates does a long short-term memory have")).toBe("Which gates does an LSTM have?");
  });

  it("fuses full-text and vector rankings: a synonym the full text cannot match is found by meaning", async () => {
    expect((await search("automobile")).results).toEqual([]);
    const hybrid = await search("automobile", { embedder });
    expect(hybrid.tier).toBe("hybrid");
    expect(hybrid.results[0]).toMatchObject({ question: "What is a self-driving car?", vectorRank: 1, lexicalRank: undefined });
    // Found by both rankings beats found by one.
    const both = await search("pooling downsampling", { embedder });
    expect(both.results[0]).toMatchObject({ question: "What is pooling?", lexicalRank: 1, vectorRank: expect.any(Number) });
  });

  it("falls back to full text, and says so, when the embedder fails at query time", async () => {
    const broken: Embedder = { modelId: embedder.modelId, dims: embedder.dims, embed: () => Promise.reject(new Error("connection refused")) };
    const response = await search("pooling", { embedder: broken });
    expect(response.tier).toBe("lexical");
    expect(response.notice).toMatch(/connection refused/);
    expect(response.results[0]?.question).toBe("What is pooling?");
  });

  it("restricts results to topics", async () => {
    const response = await search("filters pooling dropout", { topics: ["Convolutional networks"] });
    expect(response.results.length).toBeGreaterThan(0);
    expect(response.results.every((result) => result.topic === "Convolutional networks")).toBe(true);
  });

  it("returns nothing, without error, for a query of stop words, symbols or hostile text", async () => {
    for (const query of ["the of and", "!!! ??? ''' \\\\", "'); drop table chunks; --", "<script>alert(1)</script>"]) {
      const response = await search(query);
      expect(Array.isArray(response.results)).toBe(true);
    }
    expect((await search("dropout")).results.length).toBeGreaterThan(0);
  });

  it("uses the approximate index once built, agreeing with exact search", async () => {
    expect(await ensureVectorIndexes({ db: handle.db, minRows: 1 })).toEqual([embedder.dims]);
    const indexes = rowsOf<{ indexname: string }>(await handle.db.execute(sql`select indexname from pg_indexes where tablename = 'chunks'`));
    expect(indexes.map((row) => row.indexname)).toContain(`chunks_embedding_hnsw_${embedder.dims}`);
    const [vector] = await embedder.embed(["max pooling window"]);
    const approximate = await searchVector({ db: handle.db, embedding: vector!, model: embedder.modelId, limit: 3 });
    const exact = await searchVector({ db: handle.db, embedding: vector!, model: embedder.modelId, limit: 3, exact: true });
    expect(approximate.map((hit) => hit.questionId)).toEqual(exact.map((hit) => hit.questionId));
  });

  it("keeps the BM25 statistics exact through replacements and removals", async () => {
    fs.writeFileSync(path.join(root, "notes/vision.md"), VISION.replace("max pooling", "average pooling"));
    fs.rmSync(path.join(root, "notes/sequences.md"));
    await ingestDocuments({ db: handle.db, embedder, inputs: ["notes"], root, maxBytes: 1 << 20 });
    const mismatches = rowsOf<{ count: number }>(
      await handle.db.execute(sql`
        select count(*)::integer as count from (select u.lexeme, count(*)::integer as chunks from chunks, unnest(tsv) as u group by u.lexeme) as actual
        full join search_terms using (lexeme) where actual.chunks is distinct from search_terms.chunks`),
    );
    expect(mismatches[0]?.count).toBe(0);
    const totals = rowsOf<{ ok: boolean }>(
      await handle.db.execute(sql`select (select count(*) from chunks) = chunks and (select sum(token_count) from chunks) = tokens as ok from search_totals`),
    );
    expect(totals[0]?.ok).toBe(true);
    expect(await top("dropout")).toBeUndefined();
  });
});
