import { LOCAL_OWNER } from "@/lib/auth/owner";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSessionAnswers } from "@/lib/db/queries/interview-answers";
import { listInterviewMessages } from "@/lib/db/queries/interview-messages";
import { listQuestions, type QuestionWithSources } from "@/lib/db/queries/questions";
import { retryTransient } from "@/lib/db/retry-transient";
import { AppError } from "@/lib/errors";
import type { InterviewView } from "@/lib/interview/types";
import { askedQuestion, REGULARISATION } from "./support/interview-corpus";
import { engineDatabase, openInterviewEngine, type InterviewEngine } from "./support/interview-engine";
import { postgresTestUrl } from "./support/scratch-postgres";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

/**
 * The database briefly unavailable, on a real PostgreSQL: the app's connections go through a TCP
 * proxy that resets them mid-query or refuses them, and backends are killed with
 * pg_terminate_backend. A lost connection is retried once where that is safe (reads, and storing
 * the message, keyed by its client id); otherwise the person is told whether the message was
 * saved and to send it again, and sending it again stores it exactly once.
 */

const NOT_STORED = "The database is not answering right now, so your message may not have been saved. Nothing is lost: send it again and it will be stored once.";
const STORED_NOT_REPLIED = "Your message was saved, but the database stopped answering before the interviewer could reply. Send it again in a moment (it will not be stored twice) or reload the page.";

describe.skipIf(!postgresTestUrl)("the interview when PostgreSQL drops or refuses connections", () => {
  let proxy: TcpProxy;
  let engine: InterviewEngine;
  let bank: QuestionWithSources[];
  let route: typeof import("@/app/api/interviews/[id]/messages/route");

  beforeAll(async () => {
    const direct = new URL(postgresTestUrl!);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    engineDatabase.kind = "postgres";
    engineDatabase.via = (url) => {
      const through = new URL(url);
      through.hostname = "127.0.0.1";
      through.port = String(proxy.port);
      return through.toString();
    };
    engine = await openInterviewEngine({ prefix: "database-unavailable-" });
    bank = await listQuestions({ db: engine.db });
    route = await import("@/app/api/interviews/[id]/messages/route");
  });

  afterAll(async () => {
    await proxy?.accept().catch(() => undefined);
    await engine?.close();
    await proxy?.close();
  });

  const start = async () => (await engine.service.startInterview({ topics: [REGULARISATION], questionCount: 3, style: "neutral", voice: false, dueOnly: false }, { ownerId: LOCAL_OWNER })).id;
  const view = async (id: string) => (await engine.service.getInterviewView({ id, ownerId: LOCAL_OWNER })) as InterviewView;
  // The test's own reads share the app's pool, whose connections the proxy cut: retried like the app's.
  const answersOf = (id: string) => retryTransient(() => listSessionAnswers({ db: engine.db, sessionId: id }));
  const candidateMessages = async (id: string, clientMessageId: string) =>
    (await retryTransient(() => listInterviewMessages({ db: engine.db, sessionId: id }))).filter((row) => row.clientMessageId === clientMessageId);
  const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);
  const post = (id: string, body: unknown) =>
    route.POST(new Request(`http://localhost/api/interviews/${id}/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve({ id }) });

  it("goes through when every backend was killed between two turns (pg_terminate_backend)", async () => {
    const id = await start();
    const admin = postgres(postgresTestUrl!, { max: 1, onnotice: () => {} });
    try {
      const killed = await admin`select pg_terminate_backend(pid) as done from pg_stat_activity where datname = ${engine.databaseName} and pid <> pg_backend_pid()`;
      expect(killed.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const question = askedQuestion(await view(id), bank);
    const { messages } = await engine.service.takeTurn({ ownerId: LOCAL_OWNER, sessionId: id, clientMessageId: "killed-1", text: question.partial });
    expect(messages.map((message) => message.kind)).toEqual(["answer", "feedback", "follow-up"]);
    expect(await answersOf(id)).toEqual([expect.objectContaining({ text: question.partial, score: messages[1]!.grade!.score })]);
  });

  it("retries once a query whose connection was reset mid-way, storing the answer once", async () => {
    const id = await start();
    const question = askedQuestion(await view(id), bank);
    const resets = proxy.resets;
    proxy.failNext(1);
    const { messages } = await engine.service.takeTurn({ ownerId: LOCAL_OWNER, sessionId: id, clientMessageId: "reset-1", text: question.partial });
    expect(proxy.resets).toBe(resets + 1);
    expect(messages.map((message) => message.kind)).toEqual(["answer", "feedback", "follow-up"]);
    expect(await candidateMessages(id, "reset-1")).toHaveLength(1);
    expect(await answersOf(id)).toHaveLength(1);
  });

  it("answers 503 saying nothing is lost while connections are refused, and stores the answer once when it is sent again", async () => {
    const id = await start();
    const question = askedQuestion(await view(id), bank);
    const body = { clientMessageId: "refused-1", text: question.partial };
    proxy.refuse();
    try {
      const response = await post(id, body);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: { code: "unavailable", message: NOT_STORED } });
      // The engine itself, past the route's check: the same message, after its one retry.
      expect(await failure(engine.service.takeTurn({ ownerId: LOCAL_OWNER, sessionId: id, ...body }))).toMatchObject({ code: "unavailable", message: NOT_STORED });
    } finally {
      await proxy.accept();
    }
    expect(await answersOf(id)).toEqual([]);

    const again = await post(id, body);
    expect(again.status).toBe(200);
    const events = (await again.text()).trim().split("\n").map((line) => JSON.parse(line) as { type: string });
    expect(events.at(-1)!.type).toBe("done");
    expect(await candidateMessages(id, "refused-1")).toHaveLength(1);
    expect(await answersOf(id)).toEqual([expect.objectContaining({ text: question.partial, score: expect.any(Number) })]);
  });

  it("says the answer was saved when the connection is lost before grading, and grades it once when sent again", async () => {
    const id = await start();
    const question = askedQuestion(await view(id), bank);
    const input = { ownerId: LOCAL_OWNER, sessionId: id, clientMessageId: "cut-1", text: question.partial };
    let refused = false;
    const error = await failure(
      engine.service.takeTurn({
        ...input,
        onStored: () => {
          refused = true;
          proxy.refuse();
        },
      }),
    );
    await proxy.accept();
    expect(refused).toBe(true);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "unavailable", message: STORED_NOT_REPLIED });
    expect(await answersOf(id)).toEqual([expect.objectContaining({ text: question.partial, score: null })]);

    const { messages } = await engine.service.takeTurn(input);
    expect(messages.map((message) => message.kind)).toEqual(["answer", "feedback", "follow-up"]);
    const [graded] = await answersOf(id);
    expect(graded).toMatchObject({ score: messages[1]!.grade!.score, grader: "local" });
    // Sent a third time: the stored reply comes back, nothing is graded or stored again.
    const replay = await engine.service.takeTurn(input);
    expect(replay.messages.map((message) => message.id)).toEqual(messages.map((message) => message.id));
    expect(await candidateMessages(id, "cut-1")).toHaveLength(1);
    expect((await view(id)).messages.filter((message) => message.kind === "feedback")).toHaveLength(1);
  });

  it("grades an answer left ungraded by a lost connection when the interview is next loaded", async () => {
    const id = await start();
    const question = askedQuestion(await view(id), bank);
    await failure(engine.service.takeTurn({ ownerId: LOCAL_OWNER, sessionId: id, clientMessageId: "cut-2", text: question.partial, onStored: () => proxy.refuse() }));
    await proxy.accept();
    expect(await answersOf(id)).toEqual([expect.objectContaining({ score: null })]);
    const loaded = await view(id);
    expect(loaded.messages.map((message) => message.kind)).toEqual(["opening", "question", "answer", "feedback", "follow-up"]);
    const [graded] = await answersOf(id);
    expect(graded!.score).toBe(loaded.messages[3]!.grade!.score);
    // Loading again, or the person sending something else, grades nothing twice.
    await view(id);
    await engine.service.takeTurn({ ownerId: LOCAL_OWNER, sessionId: id, clientMessageId: "cut-3", text: "hint" });
    expect((await view(id)).messages.filter((message) => message.kind === "feedback")).toHaveLength(1);
    expect(await answersOf(id)).toHaveLength(1);
  });

  it("stores one answer when the same POST arrives twice at once (a double click)", async () => {
    const id = await start();
    const question = askedQuestion(await view(id), bank);
    const body = { clientMessageId: "twice-1", text: question.partial };
    const [first, second] = await Promise.all([post(id, body), post(id, body)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const [one, two] = await Promise.all([first.text(), second.text()]);
    expect(one).toContain('"type":"done"');
    expect(two).toContain('"type":"done"');
    expect(await candidateMessages(id, "twice-1")).toHaveLength(1);
    expect(await answersOf(id)).toHaveLength(1);
    expect((await view(id)).messages.filter((message) => message.kind === "feedback")).toHaveLength(1);
  });
});
