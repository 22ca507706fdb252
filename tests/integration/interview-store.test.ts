import { LOCAL_OWNER } from "@/lib/auth/owner";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import { insertAnswer, listAnswersOfSessions, listAnswersSince, listSessionAnswers, saveAnswerGrade } from "@/lib/db/queries/interview-answers";
import {
  appendInterviewMessages,
  findMessageByClientId,
  listInterviewMessages,
  updateMessageData,
  type NewInterviewMessage,
} from "@/lib/db/queries/interview-messages";
import {
  createInterviewSession,
  deleteInterviewSession,
  getInterviewSession,
  listInterviewSessions,
  lockInterviewSession,
  runInTransaction,
  updateInterviewSession,
} from "@/lib/db/queries/interview-sessions";
import { countDueReviewCards, getReviewCards, listDueReviewCards } from "@/lib/db/queries/review-cards";
import { interviewAnswers, interviewMessages, interviewSessions, reviewCards } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordReview } from "@/lib/interview/record-review";
import { buildHistory, buildSessionSummary, buildTopicProgress } from "@/lib/interview/session-summary";
import { testDatabases } from "./support/test-databases";

const plan = [
  { questionId: "00000000-0000-4000-8000-000000000001", question: "What is dropout?", topic: "Regularisation" },
  { questionId: "00000000-0000-4000-8000-000000000002", question: "What does Adam do?", topic: "Optimisation" },
];
const settings = { topics: ["Regularisation"], questionCount: 2, style: "neutral" as const, voice: false, dueOnly: false };

const interviewer = (text: string, kind = "question"): NewInterviewMessage => ({ role: "interviewer", kind, text });

describe.each(testDatabases)("interview store on $name", ({ open }) => {
  let handle: DatabaseHandle;
  let db: Database;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });

  afterAll(async () => {
    await handle?.close();
  });

  const newSession = () => createInterviewSession({ ownerId: LOCAL_OWNER, db, settings, mode: "offline", plan });
  const messageCount = async (sessionId: string) => (await listInterviewMessages({ db, sessionId })).length;

  it("creates a session with its settings and plan, and finds it again", async () => {
    const session = await newSession();
    expect(session).toMatchObject({ style: "neutral", topics: ["Regularisation"], questionCount: 2, mode: "offline", status: "active", position: 0, state: {}, plan, endedAt: null });
    expect(await getInterviewSession({ db, id: session.id })).toEqual(session);
    expect(await getInterviewSession({ db, id: "not-a-uuid" })).toBeNull();
    expect(await getInterviewSession({ db, id: "00000000-0000-4000-8000-00000000ffff" })).toBeNull();
    await expect(createInterviewSession({ ownerId: LOCAL_OWNER, db, settings: { ...settings, questionCount: 0 }, mode: "offline", plan })).rejects.toThrow(AppError);
  });

  it("updates only the fields patched", async () => {
    const session = await newSession();
    const endedAt = new Date("2026-03-02T10:00:00Z");
    const updated = await updateInterviewSession({ db, id: session.id, patch: { status: "ended", endedAt, position: undefined } });
    expect(updated).toMatchObject({ status: "ended", endedAt, position: 0, state: {} });
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(session.updatedAt.getTime());
    expect(await updateInterviewSession({ db, id: "nope", patch: { position: 1 } })).toBeNull();
  });

  it("appends messages in seq order with the session patch, batch after batch", async () => {
    const session = await newSession();
    const first = await appendInterviewMessages({ db, sessionId: session.id, messages: [interviewer("Hello.", "opening"), interviewer("What is dropout?")] });
    expect(first.map((row) => [row.seq, row.text])).toEqual([
      [0, "Hello."],
      [1, "What is dropout?"],
    ]);
    const second = await appendInterviewMessages({
      db,
      sessionId: session.id,
      messages: [{ role: "candidate", kind: "answer", text: "It drops units.", intent: "answer", clientMessageId: "c-1", questionId: plan[0]!.questionId }],
      sessionPatch: { position: 1, state: { followUps: 1 } },
    });
    expect(second[0]).toMatchObject({ seq: 2, clientMessageId: "c-1", intent: "answer", data: {} });
    expect((await getInterviewSession({ db, id: session.id }))!).toMatchObject({ position: 1, state: { followUps: 1 } });
    expect((await listInterviewMessages({ db, sessionId: session.id })).map((row) => row.seq)).toEqual([0, 1, 2]);
  });

  it("writes nothing of a batch whose second message breaks a constraint, patch included", async () => {
    const session = await newSession();
    await appendInterviewMessages({ db, sessionId: session.id, messages: [interviewer("Hello.", "opening")] });
    const broken = { role: "robot", kind: "message", text: "beep" } as unknown as NewInterviewMessage;
    await expect(
      appendInterviewMessages({ db, sessionId: session.id, messages: [interviewer("What is dropout?"), broken], sessionPatch: { position: 1 } }),
    ).rejects.toThrow();
    expect(await messageCount(session.id)).toBe(1);
    expect((await getInterviewSession({ db, id: session.id }))!.position).toBe(0);
    // The next append continues where the last good one stopped.
    const [next] = await appendInterviewMessages({ db, sessionId: session.id, messages: [interviewer("What is dropout?")] });
    expect(next!.seq).toBe(1);
  });

  it("takes back the inserted messages when the session patch fails", async () => {
    const session = await newSession();
    const badPatch = { status: "paused" } as unknown as { status: "ended" };
    await expect(appendInterviewMessages({ db, sessionId: session.id, messages: [interviewer("What is dropout?")], sessionPatch: badPatch })).rejects.toThrow();
    expect(await messageCount(session.id)).toBe(0);
    expect((await getInterviewSession({ db, id: session.id }))!.status).toBe("active");
  });

  it("recognises a message sent twice by its client id, and refuses to store it again", async () => {
    const session = await newSession();
    const message: NewInterviewMessage = { role: "candidate", kind: "answer", text: "Dropout zeroes units.", clientMessageId: "client-42" };
    const [stored] = await appendInterviewMessages({ db, sessionId: session.id, messages: [message] });
    expect(await findMessageByClientId({ db, sessionId: session.id, clientMessageId: "client-42" })).toEqual(stored);
    expect(await findMessageByClientId({ db, sessionId: session.id, clientMessageId: "client-43" })).toBeNull();

    const retry = appendInterviewMessages({ db, sessionId: session.id, messages: [message, interviewer("Feedback", "feedback")] });
    await expect(retry).rejects.toMatchObject({ code: "conflict" });
    expect(await messageCount(session.id)).toBe(1);

    // Another session may use the same client id, and messages without one never collide.
    const other = await newSession();
    await appendInterviewMessages({ db, sessionId: other.id, messages: [message, interviewer("A"), interviewer("B")] });
    expect(await messageCount(other.id)).toBe(3);
  });

  it("gives concurrent appends to one session distinct, consecutive seqs", async () => {
    const session = await newSession();
    const batches = Array.from({ length: 6 }, (_, batch) => [interviewer(`batch ${batch} first`), interviewer(`batch ${batch} second`)]);
    const results = await Promise.all(batches.map((messages) => appendInterviewMessages({ db, sessionId: session.id, messages })));
    const seqs = (await listInterviewMessages({ db, sessionId: session.id })).map((row) => row.seq);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, index) => index));
    // Each batch went in as one block.
    for (const rows of results) expect(rows[1]!.seq).toBe(rows[0]!.seq + 1);
  });

  it("refuses to append to a session that does not exist", async () => {
    await expect(appendInterviewMessages({ db, sessionId: "00000000-0000-4000-8000-00000000dead", messages: [interviewer("Hi")] })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("rolls back a whole turn run in a transaction that fails", async () => {
    const session = await newSession();
    await expect(
      runInTransaction({
        db,
        work: async (tx) => {
          const locked = await lockInterviewSession({ db: tx, id: session.id });
          expect(locked?.id).toBe(session.id);
          await appendInterviewMessages({ db: tx, sessionId: session.id, messages: [interviewer("What is dropout?")], sessionPatch: { position: 1 } });
          throw new Error("the grader fell over");
        },
      }),
    ).rejects.toThrow("the grader fell over");
    expect(await messageCount(session.id)).toBe(0);
    expect((await getInterviewSession({ db, id: session.id }))!.position).toBe(0);
  });

  it("stores an answer before its grade, then the grade, and merges the grade into a message", async () => {
    const session = await newSession();
    const [message, feedback] = await appendInterviewMessages({
      db,
      sessionId: session.id,
      messages: [
        { role: "candidate", kind: "answer", text: "It drops units at random.", data: { delivery: { words: 5 } } },
        { role: "interviewer", kind: "feedback", text: "Grading...", data: { grade: null } },
      ],
    });
    const answer = await insertAnswer({
      db,
      sessionId: session.id,
      messageId: message!.id,
      questionId: plan[0]!.questionId,
      question: plan[0]!.question,
      topic: plan[0]!.topic,
      isFollowUp: false,
      text: message!.text,
      spoken: true,
      durationMs: 4200,
    });
    expect(answer).toMatchObject({ score: null, grade: null, grader: null, gradedAt: null, spoken: true, durationMs: 4200 });
    expect(await listSessionAnswers({ db, sessionId: session.id })).toEqual([answer]);

    const graded = await saveAnswerGrade({ db, answerId: answer.id, score: 3.5, grade: { score: 3.5, missed: ["co-adaptation"] }, grader: "local" });
    expect(graded).toMatchObject({ score: 3.5, grader: "local", grade: { missed: ["co-adaptation"] } });
    expect(graded!.gradedAt).toBeInstanceOf(Date);
    await expect(saveAnswerGrade({ db, answerId: answer.id, score: 6, grade: {}, grader: "local" })).rejects.toThrow(AppError);
    expect(await saveAnswerGrade({ db, answerId: "nope", score: 1, grade: {}, grader: "local" })).toBeNull();

    const updated = await updateMessageData({ db, id: feedback!.id, data: { grade: { score: 3.5 }, citations: [{ document: "content/a.md", line: 3 }] } });
    expect(updated!.data).toEqual({ grade: { score: 3.5 }, citations: [{ document: "content/a.md", line: 3 }] });
    const kept = await updateMessageData({ db, id: message!.id, data: { note: 1 } });
    expect(kept!.data).toEqual({ delivery: { words: 5 }, note: 1 });
  });

  it("lists answers in conversation order, with their session's start for progress", async () => {
    const session = await newSession();
    const startedAt = new Date("2030-01-15T09:00:00Z");
    await db.update(interviewSessions).set({ startedAt }).where(eq(interviewSessions.id, session.id));
    const messages = await appendInterviewMessages({
      db,
      sessionId: session.id,
      messages: ["first", "follow-up", "second"].map((text) => ({ role: "candidate" as const, kind: "answer", text })),
    });
    const [first, followUp, second] = await Promise.all(
      messages.map((message, index) =>
        insertAnswer({
          db,
          sessionId: session.id,
          messageId: message.id,
          questionId: plan[index === 2 ? 1 : 0]!.questionId,
          question: index === 1 ? "Why does it help?" : plan[index === 2 ? 1 : 0]!.question,
          topic: plan[index === 2 ? 1 : 0]!.topic,
          isFollowUp: index === 1,
          text: message.text,
          spoken: false,
        }),
      ),
    );
    await saveAnswerGrade({ db, answerId: first!.id, score: 2, grade: {}, grader: "local" });
    await saveAnswerGrade({ db, answerId: followUp!.id, score: 4, grade: {}, grader: "local" });
    await saveAnswerGrade({ db, answerId: second!.id, score: 5, grade: {}, grader: "local" });

    expect((await listSessionAnswers({ db, sessionId: session.id })).map((row) => row.text)).toEqual(["first", "follow-up", "second"]);
    const since = await listAnswersSince({ ownerId: LOCAL_OWNER, db, since: new Date("2030-01-01T00:00:00Z") });
    expect(since.map((row) => [row.text, row.sessionStartedAt.toISOString()])).toEqual([
      ["first", startedAt.toISOString()],
      ["follow-up", startedAt.toISOString()],
      ["second", startedAt.toISOString()],
    ]);
    expect((await listAnswersSince({ ownerId: LOCAL_OWNER, db })).length).toBeGreaterThan(since.length);

    // The stored rows are what the summary, history and progress take.
    const row = (await getInterviewSession({ db, id: session.id }))!;
    const answers = await listAnswersOfSessions({ db, sessionIds: [session.id] });
    const summary = buildSessionSummary({ session: row, answers, cards: [], now: new Date("2030-01-15T10:00:00Z") });
    expect(summary.questions.map((item) => [item.score, item.followUpScores])).toEqual([
      [2, [4]],
      [5, []],
    ]);
    expect(buildHistory([row], answers)[0]).toMatchObject({ answered: 2, average: 3.5 });
    expect(buildTopicProgress(since).map((topic) => topic.points)).toEqual([[{ date: "2030-01-15", average: 5, answers: 1 }], [{ date: "2030-01-15", average: 2, answers: 1 }]]);
  });

  it("lists sessions newest first", async () => {
    const older = await newSession();
    const newer = await newSession();
    await db.update(interviewSessions).set({ startedAt: new Date("2040-01-01T00:00:00Z") }).where(eq(interviewSessions.id, older.id));
    await db.update(interviewSessions).set({ startedAt: new Date("2040-01-02T00:00:00Z") }).where(eq(interviewSessions.id, newer.id));
    expect((await listInterviewSessions({ ownerId: LOCAL_OWNER, db, limit: 2 })).map((row) => row.id)).toEqual([newer.id, older.id]);
  });

  it("schedules review cards: worse answers due sooner, listed most overdue first", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const ids = ["00000000-0000-4000-8000-00000000c001", "00000000-0000-4000-8000-00000000c002", "00000000-0000-4000-8000-00000000c003"];
    await recordReview({ ownerId: LOCAL_OWNER, db, questionId: ids[0]!, question: "Good", topic: "T", score: 4, now });
    await recordReview({ ownerId: LOCAL_OWNER, db, questionId: ids[1]!, question: "Bad", topic: "T", score: 0.5, now });
    await recordReview({ ownerId: LOCAL_OWNER, db, questionId: ids[2]!, question: "Perfect", topic: "T", score: 5, now });

    expect(await countDueReviewCards({ ownerId: LOCAL_OWNER, db, now })).toBe(0);
    const farFuture = new Date("2027-01-01T00:00:00Z");
    const due = await listDueReviewCards({ ownerId: LOCAL_OWNER, db, now: farFuture });
    expect(due.map((card) => card.question)).toEqual(["Bad", "Good", "Perfect"]);
    expect(await countDueReviewCards({ ownerId: LOCAL_OWNER, db, now: farFuture })).toBe(3);
    expect((await listDueReviewCards({ ownerId: LOCAL_OWNER, db, now: farFuture, limit: 1 })).map((card) => card.question)).toEqual(["Bad"]);

    // A second good review moves the card further out, and the stored card carries its history.
    const [before] = await getReviewCards({ ownerId: LOCAL_OWNER, db, questionIds: [ids[0]!] });
    const again = await recordReview({ ownerId: LOCAL_OWNER, db, questionId: ids[0]!, question: "Good", topic: "T", score: 4, now: before!.due });
    expect(again.card.reps).toBe(2);
    expect(again.due.getTime() - before!.due.getTime()).toBeGreaterThan(before!.due.getTime() - now.getTime());
    expect(again).toMatchObject({ lastScore: 4, reviewedAt: before!.due });
    expect(await getReviewCards({ ownerId: LOCAL_OWNER, db, questionIds: ["bad-id"] })).toEqual([]);
    await expect(recordReview({ ownerId: LOCAL_OWNER, db, questionId: "bad-id", question: "?", topic: "T", score: 3, now })).rejects.toThrow(AppError);
  });

  it("deletes a session with its messages and answers", async () => {
    const session = await newSession();
    const [message] = await appendInterviewMessages({ db, sessionId: session.id, messages: [{ role: "candidate", kind: "answer", text: "An answer." }] });
    await insertAnswer({ db, sessionId: session.id, messageId: message!.id, questionId: null, question: "Q", topic: "T", isFollowUp: false, text: "An answer.", spoken: false });
    expect(await deleteInterviewSession({ db, id: session.id })).toBe(true);
    expect(await deleteInterviewSession({ db, id: session.id })).toBe(false);
    const left = async (table: typeof interviewMessages | typeof interviewAnswers) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.sessionId, session.id)))[0]!.n;
    expect(await left(interviewMessages)).toBe(0);
    expect(await left(interviewAnswers)).toBe(0);
    // Review cards belong to questions, not sessions: they stay.
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(reviewCards))[0]!.n).toBeGreaterThan(0);
  });
});
