import path from "node:path";
import OpenAI from "openai";
import type { Embedder } from "@/lib/embeddings";
import { gradeAnswerWithFallback } from "@/lib/grading/llm-grader";
import { buildRubric } from "@/lib/grading/rubric";
import { createLlmClient } from "@/lib/llm";
import { gradeAnswerMessages } from "@/lib/llm/prompts/grade-answer";
import type { GradingCorpus } from "./bench-grading";
import { startChild, tsxCli, waitFor } from "./child-server";
import { gradingAnswers } from "./grading-answers";
import { percentiles, round, type Percentiles } from "./measure";

export interface LlmOverheadBench {
  /** The test server's fixed latency per request. */
  serverLatencyMs: number;
  requests: number;
  /** The app's LLM grading path: offline grade (it bounds the LLM's), prompt, request, validation, checks. */
  app: Percentiles;
  /** Baseline: a bare `openai` client sending the same request to the same server and parsing its JSON. */
  bareClient: Percentiles;
  overheadMsP50: number;
  overheadMsP95: number;
  ratioP50: number;
  ratioP95: number;
  /** App calls that did not come back as the LLM's grade (should be 0). */
  fellBack: number;
}

const SERVER_CLI = path.join("tests", "fixtures", "openai-server", "bench-cli.ts");
const MODEL = "bench-model";

/**
 * What the app adds around an OpenAI-compatible endpoint: the project's test server (started as a
 * child process, with a fixed artificial latency) answers both the app's grading path and a bare
 * `openai` client call with the same messages and parameters, interleaved request by request.
 */
export async function benchLlmOverhead({ root, corpus, embedder, requests, latencyMs }: { root: string; corpus: GradingCorpus; embedder: Embedder | null; requests: number; latencyMs: number }): Promise<LlmOverheadBench> {
  let baseURL: string | null = null;
  const server = startChild([tsxCli(), SERVER_CLI, "--latency-ms", String(latencyMs)], {
    cwd: root,
    onLine: (line) => {
      if (line.startsWith("{")) baseURL = (JSON.parse(line) as { baseURL: string }).baseURL;
    },
  });
  try {
    await waitFor(async () => baseURL !== null, { timeoutMs: 60_000, everyMs: 50, gone: () => (server.child.exitCode !== null ? `the test server exited: ${server.output()}` : null) });
    const url = baseURL!;
    const settings = { timeoutMs: 10_000, maxAttempts: 1 };
    const appClient = createLlmClient({ baseURL: url, apiKey: "bench", model: MODEL, ...settings });
    const bare = new OpenAI({ baseURL: url, apiKey: "bench", maxRetries: 0, timeout: settings.timeoutMs });
    // Answers the LLM is asked about: the offline gates send gibberish and copies no request at all.
    const answers = gradingAnswers(corpus.bank).filter((entry) => entry.kind !== "off-topic");
    const { context, bank } = corpus;
    let fellBack = 0;
    const times = { app: [] as number[], bare: [] as number[] };
    const warmup = 3;
    for (let index = 0; index < requests + warmup; index++) {
      const entry = answers[index % answers.length]!;
      const item = bank[entry.questionIndex]!;
      const rubric = buildRubric({ question: item.question, sources: item.sources });
      const app = async () => {
        const result = await gradeAnswerWithFallback({
          llm: { client: appClient, model: MODEL },
          rubric,
          answer: entry.answer,
          idf: context.idf,
          abbreviations: context.abbreviations,
          otherAnswers: context.otherAnswers,
          embedder,
          mode: "llm",
          settings,
        });
        if (result.grader !== "llm" && index >= warmup) fellBack++;
      };
      // The same request completeJson sends (its JSON instruction is already in the grading prompt).
      const messages = gradeAnswerMessages({ question: rubric.question, keyPoints: rubric.keyPoints, answer: entry.answer });
      const plain = async () => {
        const completion = await bare.chat.completions.create({ model: MODEL, messages, temperature: 0, max_tokens: 1000, response_format: { type: "json_object" } });
        JSON.parse(completion.choices[0]?.message.content ?? "null");
      };
      const runs: [keyof typeof times, () => Promise<void>][] = [
        ["app", app],
        ["bare", plain],
      ];
      if (index % 2 === 1) runs.reverse();
      for (const [name, run] of runs) {
        const started = performance.now();
        await run();
        if (index >= warmup) times[name].push(performance.now() - started);
      }
    }
    const app = percentiles(times.app);
    const bareClient = percentiles(times.bare);
    return {
      serverLatencyMs: latencyMs,
      requests,
      app,
      bareClient,
      overheadMsP50: round(app.p50 - bareClient.p50, 2),
      overheadMsP95: round(app.p95 - bareClient.p95, 2),
      ratioP50: round(app.p50 / bareClient.p50, 3),
      ratioP95: round(app.p95 / bareClient.p95, 3),
      fellBack,
    };
  } finally {
    await server.stop();
  }
}
