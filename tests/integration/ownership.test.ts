import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listQuestions } from "@/lib/db/queries/questions";
import { AppError, type ErrorCode } from "@/lib/errors";
import { personUploadFolder } from "@/lib/ingest/document-owner";
import type { InterviewSettings } from "@/lib/interview/types";
import { QUESTIONS, REGULARISATION } from "./support/interview-corpus";
import { openInterviewEngine, type InterviewEngine } from "./support/interview-engine";

/**
 * Other people's data, through the engine's app-facing API on a real PGlite: two people (and the
 * local owner) share one server. Everything one of them has (interviews, answers, reviews, their
 * own documents and the questions those bring) does not exist for the other: not found, never
 * "forbidden", and never in a list, a count, a search or a merged reference answer.
 */

const ALICE = "0f8b2a52-3c1d-4e5f-9a7b-00000000a11c";
const BOB = "0f8b2a52-3c1d-4e5f-9a7b-000000000b0b";
// Alice's own notes ask a question of the shared corpus again, with an answer only she wrote.
const SHARED_QUESTION = QUESTIONS[0]!.question;
const ALICE_SECRET = "Alice's private mnemonic: a zebra drops its stripes at random.";
const ALICE_ONLY = "What is alice's zebra heuristic?";

let engine: InterviewEngine;
let aliceDocument: string;

const settings: InterviewSettings = { topics: [REGULARISATION], questionCount: 2, style: "neutral", voice: false, dueOnly: false };

async function codeOf(work: Promise<unknown>): Promise<ErrorCode | "ok"> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  engine = await openInterviewEngine({ prefix: "ownership-" });
  aliceDocument = `${personUploadFolder(ALICE)}/alice-notes.md`;
  const file = path.join(engine.root, aliceDocument);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `# Alice's notes\n\n## ${SHARED_QUESTION}\n\n${ALICE_SECRET}\n\n## ${ALICE_ONLY}\n\nZebras teach regularisation: ${ALICE_SECRET}\n`);
  const { ingestDocuments } = await import("@/lib/ingest/ingest-documents");
  const summary = await ingestDocuments({ db: engine.db, embedder: null, inputs: [aliceDocument], root: engine.root, maxBytes: 1024 * 1024 });
  expect(summary.errors).toEqual([]);
});

afterAll(async () => {
  await engine?.close();
});

describe("interviews belong to their owner", () => {
  it("gives a second person not-found for everything of the first one's interview", async () => {
    const { service } = engine;
    const { id } = await service.startInterview(settings, { ownerId: ALICE });
    expect(await service.getInterviewView({ id, ownerId: ALICE })).not.toBeNull();
    const question = (await service.getInterviewView({ id, ownerId: ALICE }))!.messages.at(-1)!.text;
    await service.takeTurn({ ownerId: ALICE, sessionId: id, clientMessageId: "alice-1", text: `My answer to ${question}: dropout deactivates neurons at random.` });

    expect(await service.getInterviewView({ id, ownerId: BOB })).toBeNull();
    expect(await service.getSessionSummaryView({ id, ownerId: BOB })).toBeNull();
    expect(await codeOf(service.takeTurn({ ownerId: BOB, sessionId: id, clientMessageId: "bob-1", text: "hint" }))).toBe("not_found");
    expect(await codeOf(service.endInterview({ id, ownerId: BOB }))).toBe("not_found");
    // The local owner (a loopback server) is nobody's stand-in either.
    expect(await service.getInterviewView({ id, ownerId: "local" })).toBeNull();

    // Bob's attempts changed nothing: Alice's interview still has her one answer and is still active.
    const view = (await service.getInterviewView({ id, ownerId: ALICE }))!;
    expect(view.status).toBe("active");
    expect(view.messages.filter((message) => message.role === "candidate")).toHaveLength(1);
  });

  it("keeps history, progress and reviews per person", async () => {
    const { service } = engine;
    const alice = await service.getHistory({ ownerId: ALICE });
    expect(alice.entries).toHaveLength(1);
    expect(alice.progress.some((topic) => topic.points.length > 0)).toBe(true);
    const bob = await service.getHistory({ ownerId: BOB });
    expect(bob).toEqual({ entries: [], progress: [] });

    // Alice's graded answer scheduled a review for her, not for Bob.
    const { countDueReviewCards } = await import("@/lib/db/queries/review-cards");
    const later = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
    expect(await countDueReviewCards({ db: engine.db, ownerId: ALICE, now: later })).toBe(1);
    expect(await countDueReviewCards({ db: engine.db, ownerId: BOB, now: later })).toBe(0);
    expect((await service.getInterviewHome({ ownerId: BOB })).due).toBe(0);
  });
});

describe("documents belong to their owner", () => {
  it("never merges one person's question into the shared one, so her answer reaches nobody else", async () => {
    const everything = await listQuestions({ db: engine.db });
    const shared = everything.filter((item) => item.question === SHARED_QUESTION);
    expect(shared).toHaveLength(2);
    const bobs = await listQuestions({ db: engine.db, visibleTo: BOB });
    const alices = await listQuestions({ db: engine.db, visibleTo: ALICE });
    expect(bobs.map((item) => item.answer ?? "").join("\n")).not.toContain("zebra");
    expect(bobs.some((item) => item.question === ALICE_ONLY)).toBe(false);
    expect(alices.some((item) => item.question === ALICE_ONLY)).toBe(true);
    expect(alices.length).toBe(bobs.length + 2);
  });

  it("keeps her documents out of another person's library, counts, viewer, search and clarifications", async () => {
    const { service } = engine;
    const { getLibrary, readLibraryDocument, removeUploadedDocument } = await import("@/lib/interview/library");
    const bobLibrary = await getLibrary({ visibleTo: BOB });
    expect(bobLibrary.documents.map((document) => document.path)).not.toContain(aliceDocument);
    const aliceLibrary = await getLibrary({ visibleTo: ALICE });
    expect(aliceLibrary.documents.find((document) => document.path === aliceDocument)).toMatchObject({ uploaded: true });
    expect((await getLibrary({ visibleTo: BOB, query: "zebra" })).matchingQuestions).toBe(0);

    const bobHome = await service.getInterviewHome({ ownerId: BOB });
    const aliceHome = await service.getInterviewHome({ ownerId: ALICE });
    expect(aliceHome.documents).toBe(bobHome.documents + 1);
    expect(aliceHome.questions).toBe(bobHome.questions + 2);

    expect(await codeOf(readLibraryDocument({ path: aliceDocument, visibleTo: BOB }))).toBe("not_found");
    expect(await codeOf(removeUploadedDocument({ path: aliceDocument, ownerId: BOB }))).toBe("not_found");
    expect(await codeOf(removeUploadedDocument({ path: aliceDocument, ownerId: "local" }))).toBe("not_found");

    const { searchQuestions } = await import("@/lib/retrieval/search-questions");
    const forBob = await searchQuestions({ db: engine.db, query: "zebra heuristic stripes", embedder: null, k: 10, visibleTo: BOB });
    expect(forBob.results.map((result) => result.question)).not.toContain(ALICE_ONLY);
    const forAlice = await searchQuestions({ db: engine.db, query: "zebra heuristic stripes", embedder: null, k: 10, visibleTo: ALICE });
    expect(forAlice.results[0]?.question).toBe(ALICE_ONLY);

    // A clarifying question in Bob's interview quotes the shared library only.
    const { id } = await service.startInterview(settings, { ownerId: BOB });
    const turn = await service.takeTurn({ ownerId: BOB, sessionId: id, clientMessageId: "bob-clarify", text: "What do you mean by the zebra heuristic?" });
    expect(turn.messages.map((message) => message.text).join("\n")).not.toContain("zebra drops");
  });

  it("never plans her questions into another person's interview", async () => {
    const { service } = engine;
    const { getInterviewSession } = await import("@/lib/db/queries/interview-sessions");
    const planOf = async (ownerId: string) => {
      const { id } = await service.startInterview({ ...settings, topics: [], questionCount: 20 }, { ownerId });
      return (await getInterviewSession({ db: engine.db, id, ownerId }))!.plan.map((item) => item.question);
    };
    // Asked for more questions than there are, an interview plans every visible one.
    expect(await planOf(ALICE)).toContain(ALICE_ONLY);
    expect(await planOf(BOB)).not.toContain(ALICE_ONLY);
  });

  it("lets her remove her own upload, with the questions only it asked", async () => {
    const { removeUploadedDocument } = await import("@/lib/interview/library");
    await removeUploadedDocument({ path: aliceDocument, ownerId: ALICE });
    expect((await listQuestions({ db: engine.db, visibleTo: ALICE })).some((item) => item.question === ALICE_ONLY)).toBe(false);
    expect(await codeOf(removeUploadedDocument({ path: aliceDocument, ownerId: ALICE }))).toBe("not_found");
  });
});
