import { LOCAL_OWNER } from "@/lib/auth/owner";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSessionAnswers } from "@/lib/db/queries/interview-answers";
import { listQuestions, type QuestionWithSources } from "@/lib/db/queries/questions";
import type { InterviewView } from "@/lib/interview/types";
import { askedQuestion, OPTIMISATION } from "./support/interview-corpus";
import { openInterviewEngine, type InterviewEngine } from "./support/interview-engine";

/**
 * The LLM endpoint is down: configured, but nothing listens on its port (connection refused).
 * The interview runs all the same: the template interviewer phrases every turn with a notice
 * saying why, and every answer is graded offline, the grade saying the endpoint could not be reached.
 */

let engine: InterviewEngine;
let bank: QuestionWithSources[];

/** A loopback port that was free a moment ago and is closed now. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  engine = await openInterviewEngine({ prefix: "interview-engine-llm-down-", llmBaseURL: `http://127.0.0.1:${await closedPort()}/v1`, llmTimeoutMs: 1000, llmMaxAttempts: 2 });
  bank = await listQuestions({ db: engine.db });
});

afterAll(async () => {
  await engine?.close();
});

describe("the interview engine with its LLM endpoint down", () => {
  it("opens with the template and a notice, and grades offline saying the endpoint could not be reached", async () => {
    const { service } = engine;
    const id = (await service.startInterview({ topics: [OPTIMISATION], questionCount: 1, style: "friendly", voice: false, dueOnly: false }, { ownerId: LOCAL_OWNER })).id;
    const started = (await service.getInterviewView({ id, ownerId: LOCAL_OWNER })) as InterviewView;
    expect(started.messages.map((message) => message.kind)).toEqual(["opening", "notice", "question"]);
    expect(started.messages[1]!.text).toBe("The LLM could not phrase this turn (The language model could not be reached.), so the template interviewer did.");
    const question = askedQuestion(started, bank);

    const { messages } = await service.takeTurn({ ownerId: LOCAL_OWNER, sessionId: id, clientMessageId: "down-1", text: question.partial });
    expect(messages.map((message) => message.kind)).toEqual(["answer", "feedback", "notice", "follow-up"]);
    expect(messages[1]!.grade).toMatchObject({ grader: "local", fallbackReason: "The LLM endpoint could not be reached or broke off, 2 attempts made; graded offline." });
    expect(messages[1]!.grade!.covered.map((point) => point.point)).toEqual([question.points[0]]);
    expect(messages[2]!.text).toMatch(/^The LLM could not phrase this turn/);
    const answers = await listSessionAnswers({ db: engine.db, sessionId: id });
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ text: question.partial, grader: "local", score: messages[1]!.grade!.score });
  });
});
