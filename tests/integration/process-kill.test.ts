import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAIServer, type OpenAIServer } from "../fixtures/openai-server";
import { QUESTIONS, REGULARISATION, writeCorpus } from "./support/interview-corpus";
import { runChild, spawnChild } from "./support/run-child";
import { createScratchPostgres, postgresTestUrl } from "./support/scratch-postgres";

/**
 * The app's process killed with SIGKILL (no clean-up of any kind) in the middle of grading an
 * answer and in the middle of ingestion, then started again over the same database: PGlite on
 * disk, and PostgreSQL when DATABASE_URL_TEST is set. The answer must exist exactly once and end
 * graded, whether the interview is next loaded or the person sends something else; every
 * document must be all there or not there at all, and ingesting again completes.
 */

const FEEDBACK = "The LLM grader's feedback for the killed turn.";
const engines = [{ name: "pglite" as const }, ...(postgresTestUrl ? [{ name: "postgres" as const }] : [])];

describe.each(engines)("a process killed with SIGKILL, on $name", ({ name }) => {
  let corpus: ReturnType<typeof writeCorpus>;
  let server: OpenAIServer;
  let scratch: Awaited<ReturnType<typeof createScratchPostgres>> | null = null;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    corpus = writeCorpus(`process-kill-${name}-`);
    server = await startOpenAIServer({
      apiKey: "sk-test",
      recordings: [
        ...QUESTIONS.map((item) => ({ match: item.partial, stream: false, reply: { score: 3, covered: [{ pointId: 0, evidence: item.partial }], missed: [1, 2], feedback: FEEDBACK, followUp: null, manipulation: false, wrongStatements: [] } })),
        { stream: true, reply: "Thank you. Let us go on." },
      ],
    });
    scratch = name === "postgres" ? await createScratchPostgres(postgresTestUrl!, "coach_rel_kill") : null;
    env = {
      DATA_DIR: corpus.dataDir,
      PGLITE_DIR: undefined,
      DATABASE_URL: scratch?.url,
      EMBEDDINGS: "none",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: server.baseURL,
      OPENAI_MODEL: "test-model",
      // Long enough that the hung grading request is still waiting when the process is killed.
      OPENAI_TIMEOUT_MS: "60000",
      OPENAI_MAX_ATTEMPTS: "1",
    };
    await runChild(["ingest", corpus.root, "notes"], env);
  });

  afterAll(async () => {
    await server?.close();
    await scratch?.drop();
    corpus?.remove();
  });

  const gradingRequests = () => server.requests.filter((request) => (request.body as { stream?: boolean }).stream !== true).length;
  type Answer = { text: string; score: number | null; grader: string | null; messageId: string };
  type Message = { id: string; kind: string; clientMessageId: string | null };
  const stored = async (id: string) => (await runChild(["answers", id], env)) as unknown as { answers: Answer[]; messages: Message[] };

  /** Starts an interview and kills the process that grades its first answer while the LLM is answering. */
  async function killWhileGrading(clientMessageId: string) {
    const started = (await runChild(["start", REGULARISATION, "2"], env)) as { id: string; view: { messages: { kind: string; text: string }[] } };
    const question = QUESTIONS.find((item) => started.view.messages.at(-1)!.text.includes(item.question.replace(/\?$/, "")))!;
    const before = gradingRequests();
    server.enqueueFault({ kind: "hang", ms: 60_000 });
    const child = spawnChild(["answer", started.id, clientMessageId, question.partial], env);
    await child.event("stored");
    // The grading request reached the LLM, which hangs: the turn is grading now.
    while (gradingRequests() === before) await new Promise((resolve) => setTimeout(resolve, 20));
    child.process.kill("SIGKILL");
    const ended = await child.exited;
    expect(ended.signal).toBe("SIGKILL");
    expect(child.lines.map((line) => line.event)).toEqual(["stored"]);
    const killed = await stored(started.id);
    expect(killed.answers).toEqual([expect.objectContaining({ text: question.partial, score: null, grader: null })]);
    return { id: started.id, question };
  }

  it("grades, once, an answer whose grading was killed, when the interview is next loaded", async () => {
    const { id, question } = await killWhileGrading("killed-1");
    const requests = gradingRequests();
    const { view } = (await runChild(["view", id], env)) as { view: { messages: { kind: string; grade?: { score: number; grader: string; feedback: string } }[] } };
    expect(view.messages.map((message) => message.kind)).toEqual(["opening", "question", "answer", "feedback", "follow-up"]);
    expect(view.messages[3]!.grade).toMatchObject({ grader: "llm", score: 3, feedback: FEEDBACK });
    expect(gradingRequests()).toBe(requests + 1);

    // Loaded again (a new process each time): nothing more is graded or stored.
    await runChild(["view", id], env);
    const after = await stored(id);
    expect(gradingRequests()).toBe(requests + 1);
    expect(after.answers).toEqual([expect.objectContaining({ text: question.partial, score: 3, grader: "llm" })]);
    expect(after.messages.filter((message) => message.clientMessageId === "killed-1")).toHaveLength(1);
    expect(after.messages.filter((message) => message.kind === "feedback")).toHaveLength(1);
  });

  it("grades, once, an answer whose grading was killed, before the next message the person sends", async () => {
    const { id, question } = await killWhileGrading("killed-2");
    const turn = await runChild(["answer", id, "after-kill", "hint"], env);
    expect(turn.kinds).toEqual(["message", "hint"]);
    const after = await stored(id);
    expect(after.messages.map((message) => message.kind)).toEqual(["opening", "question", "answer", "feedback", "follow-up", "message", "hint"]);
    expect(after.answers).toEqual([expect.objectContaining({ text: question.partial, score: 3, grader: "llm" })]);
  });

  it("leaves every document all there or not at all when ingestion is killed, and a re-run completes", async () => {
    const folder = path.join(corpus.root, "many");
    fs.mkdirSync(folder);
    const total = 240;
    for (let doc = 0; doc < total; doc++) {
      const items = [0, 1, 2].map((item) => [`## ${item + 1}. What does the zork${doc}q${item} layer compute?`, "", `The zork${doc}q${item} layer computes a weighted sum of its inputs. It then applies a nonlinearity to that sum.`, ""]);
      fs.writeFileSync(path.join(folder, `notes-${String(doc).padStart(3, "0")}.md`), [`# Notes ${doc}`, "", ...items.flat()].join("\n"));
    }
    const child = spawnChild(["ingest", corpus.root, "many"], env);
    while (child.lines.filter((line) => line.event === "progress").length < 20) await child.event("progress").then(() => new Promise((resolve) => setTimeout(resolve, 5)));
    child.process.kill("SIGKILL");
    expect((await child.exited).signal).toBe("SIGKILL");
    expect(child.lines.some((line) => line.event === "ingested")).toBe(false);

    type Corpus = { documents: { path: string; sources: number }[]; counts: { documents: number; questions: number } };
    const afterKill = (await runChild(["corpus"], env)) as unknown as Corpus;
    const many = afterKill.documents.filter((document) => document.path.startsWith("many/"));
    expect(many.length).toBeGreaterThanOrEqual(20);
    expect(many.length).toBeLessThan(total);
    // All or nothing: a document stored is stored with all three of its questions.
    expect(many.filter((document) => document.sources !== 3)).toEqual([]);
    expect(afterKill.counts.questions).toBe(6 + 3 * many.length);

    const rerun = await runChild(["ingest", corpus.root, "many"], env);
    expect(rerun).toMatchObject({ event: "ingested", errors: [], interrupted: false, documents: total, skipped: many.length });
    const complete = (await runChild(["corpus"], env)) as unknown as Corpus;
    expect(complete.documents.filter((document) => document.path.startsWith("many/")).map((document) => document.sources)).toEqual(Array(total).fill(3));
    expect(complete.counts.questions).toBe(6 + 3 * total);
  });
});
