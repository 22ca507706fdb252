import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "./support/interview-corpus";
import { runChild, spawnChild } from "./support/run-child";
import { createScratchPostgres, postgresTestUrl } from "./support/scratch-postgres";

/**
 * The app keeps nothing of its own: run its work in one process against PostgreSQL (interviews
 * started, answered, graded, one ended), stop that process, start another over the same
 * database, and every interview, message, answer and grade is there as it was.
 */

type Snapshot = {
  sessions: { id: string; status: string; messages: unknown[]; answers: { score: number | null; grader: string | null; grade: unknown }[] }[];
};

describe.skipIf(!postgresTestUrl)("the app restarted against the same PostgreSQL", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("finds every interview, answer and grade it had before it stopped", async () => {
    const corpus = writeCorpus("restart-postgres-");
    cleanups.push(corpus.remove);
    const scratch = await createScratchPostgres(postgresTestUrl!, "coach_rel_restart");
    cleanups.push(scratch.drop);
    const env = { DATABASE_URL: scratch.url, DATA_DIR: corpus.dataDir, PGLITE_DIR: undefined, EMBEDDINGS: "none", OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined };
    await runChild(["ingest", corpus.root, "notes"], env);

    const first = spawnChild(["work"], env);
    const before = (await first.event("snapshot")) as unknown as Snapshot;
    first.process.kill("SIGTERM");
    expect(await first.exited).toMatchObject({ code: 0 });

    expect(before.sessions).toHaveLength(3);
    expect(before.sessions.map((session) => session.status).sort()).toEqual(["active", "active", "ended"]);
    const answers = before.sessions.flatMap((session) => session.answers);
    expect(answers.length).toBeGreaterThanOrEqual(6);
    expect(answers.filter((answer) => answer.score === null || answer.grader !== "local" || !answer.grade)).toEqual([]);

    const after = (await runChild(["snapshot"], env)) as unknown as Snapshot;
    expect(after.sessions).toEqual(before.sessions);
  });
});
