/**
 * The bench's ingestion, grading and LLM-overhead parts in --quick form, run as a person runs them
 * (`npm run -s cli -- bench ... --json`, a real child process), against a throwaway DATA_DIR: the
 * JSON on stdout is the only thing there, its figures hang together, and the same figures are saved
 * for `report`.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchFigures } from "@/lib/cli/bench/bench-types";

const run = promisify(execFile);
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

describe("bench --quick --only ingest,grading,llm", () => {
  let dataDir: string;
  let stdout: string;
  let stderr: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-quick-"));
    ({ stdout, stderr } = await run(process.execPath, [tsx, "lib/cli/main.ts", "bench", "--quick", "--only", "ingest,grading,llm", "--json"], {
      env: { ...process.env, DATA_DIR: dataDir, EMBEDDINGS: "none", OPENAI_API_KEY: "", OPENAI_BASE_URL: "" },
      maxBuffer: 16 * 1024 * 1024,
    }));
  }, 300_000);

  afterAll(async () => {
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("prints only JSON on stdout and its progress on stderr", () => {
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr).toContain("Benchmarking ingestion");
  });

  it("measures ingestion of content/ and of five reworded copies of it, each beside parsing alone", () => {
    const { ingest } = JSON.parse(stdout) as BenchFigures;
    expect(ingest!.documents).toBe(5);
    const synthetic = ingest!.synthetic!;
    expect(synthetic.copies).toBe(5);
    expect(synthetic.documents).toBe(25);
    expect(synthetic.extractedQuestions).toBe(5 * ingest!.extractedQuestions);
    // Reworded copies stay apart: far more questions than the original's after merging.
    expect(synthetic.questions).toBeGreaterThan(4 * ingest!.questions);
    for (const rates of [ingest!, synthetic]) {
      expect(rates.questionsPerSecond).toBeGreaterThan(0);
      expect(rates.parseQuestionsPerSecond).toBeGreaterThan(0);
      expect(rates.documentsPerSecond).toBeCloseTo((rates.documents / rates.ingestMs) * 1000, 0);
    }
  });

  it("measures offline grading beside TF-IDF over reference, partial and off-topic answers, which it tells apart", () => {
    const { grading } = JSON.parse(stdout) as BenchFigures;
    expect(grading!.tier).toBe("lexical");
    expect(grading!.answers).toBe(60);
    expect(grading!.offline.p95).toBeGreaterThanOrEqual(grading!.offline.p50);
    expect(grading!.tfidf.p50).toBeGreaterThan(0);
    expect(grading!.meanScore.reference).toBeGreaterThan(grading!.meanScore.partial);
    expect(grading!.meanScore.partial).toBeGreaterThan(grading!.meanScore["off-topic"]);
  });

  it("measures the LLM grading path against a bare client on the test server, with every grade from the LLM", () => {
    const { llm } = JSON.parse(stdout) as BenchFigures;
    expect(llm!.requests).toBe(10);
    expect(llm!.fellBack).toBe(0);
    expect(llm!.serverLatencyMs).toBe(50);
    expect(llm!.app.p95).toBeGreaterThanOrEqual(llm!.app.p50);
    expect(llm!.overheadMsP50).toBeCloseTo(llm!.app.p50 - llm!.bareClient.p50, 1);
  });

  it("saves the same figures under DATA_DIR/reports for the report", async () => {
    const files = (await fs.readdir(path.join(dataDir, "reports"))).filter((name) => name.startsWith("bench-"));
    expect(files).toHaveLength(1);
    const saved = JSON.parse(await fs.readFile(path.join(dataDir, "reports", files[0]!), "utf8")) as Record<string, unknown>;
    expect(saved).toEqual(JSON.parse(stdout));
    expect(saved.command).toBe("npm run -s cli -- bench --quick --only ingest,grading,llm --json");
  });
});
