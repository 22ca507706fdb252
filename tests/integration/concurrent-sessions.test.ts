import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_OWNER } from "@/lib/auth/owner";
import { listSessionAnswers } from "@/lib/db/queries/interview-answers";
import { listInterviewMessages } from "@/lib/db/queries/interview-messages";
import { openInterviewEngine, type InterviewEngine } from "./support/interview-engine";

/**
 * Many interviews answered at the same time, through the engine's app-facing API on a real
 * database: every answer lands in its own interview, once, graded; none shows up in another.
 * (`npm run load` checks the same over HTTP under sustained load.)
 */

const SESSIONS = 12;
const ROUNDS = 3;
let engine: InterviewEngine;

beforeAll(async () => {
  engine = await openInterviewEngine({ prefix: "concurrent-sessions-" });
});

afterAll(async () => {
  await engine?.close();
});

describe("concurrent interviews", () => {
  it("never mix: each answer is stored once, in its own interview, and graded", async () => {
    const { service } = engine;
    const ids = await Promise.all(
      Array.from({ length: SESSIONS }, () => service.startInterview({ topics: [], questionCount: 5, style: "neutral", voice: false, dueOnly: false }, { ownerId: LOCAL_OWNER }).then((started) => started.id)),
    );
    const marker = (session: number, round: number) => `marker-s${session}-r${round}`;
    for (let round = 0; round < ROUNDS; round++) {
      // Every interview answers at once, and each answer is sent twice at once (a double click).
      await Promise.all(
        ids.flatMap((id, session) => {
          const message = { ownerId: LOCAL_OWNER, sessionId: id, clientMessageId: `c-${session}-${round}`, text: `It limits overfitting by regularising the weights, ${marker(session, round)}.` };
          return [service.takeTurn(message), service.takeTurn(message)];
        }),
      );
    }
    for (const [session, id] of ids.entries()) {
      const texts = (await listInterviewMessages({ db: engine.db, sessionId: id })).filter((row) => row.role === "candidate").map((row) => row.text);
      const mine = Array.from({ length: ROUNDS }, (_, round) => marker(session, round));
      expect(texts.map((text) => /marker-s\d+-r\d+/.exec(text)?.[0])).toEqual(mine);
      const answers = await listSessionAnswers({ db: engine.db, sessionId: id });
      expect(answers.length).toBeGreaterThanOrEqual(1);
      for (const answer of answers) {
        expect(mine.some((own) => answer.text.includes(own))).toBe(true);
        expect(answer.score).not.toBeNull();
      }
    }
  });
});
