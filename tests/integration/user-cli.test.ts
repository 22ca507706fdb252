import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";

/**
 * `npm run cli -- user ...` as the person who runs a shared server uses it, in real processes
 * against a PGlite on disk: add, list, change a password, refuse duplicates and weak input, and
 * remove a person with everything they own.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), "user-cli-"));
const dataDir = path.join(root, "data");

function cli(args: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "lib/cli/main.ts", ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", EMBEDDING_ALLOW_DOWNLOAD: "false" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("cli user", () => {
  it("adds people, refuses a taken name (whatever its case) and weak input, and lists them", async () => {
    expect(await cli(["user", "add", "alice", "--password-stdin"], "alice-password\n")).toMatchObject({ code: 0, stderr: expect.stringContaining("alice may now sign in") });
    const taken = await cli(["user", "add", "ALICE", "--password-stdin"], "another-password\n");
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('Someone named "ALICE" may already sign in');
    expect((await cli(["user", "add", "bob", "--password-stdin"], "short\n")).stderr).toContain("A password has 8 to 1024 characters.");
    expect((await cli(["user", "add", "../bob", "--password-stdin"], "long-enough\n")).stderr).toContain("A name is 1 to 64 letters");
    // No terminal and no --password-stdin: a clear refusal, not a hang.
    expect((await cli(["user", "add", "carol"])).stderr).toContain("pass --password-stdin");
    const listed = await cli(["user", "list", "--json"]);
    expect(JSON.parse(listed.stdout).map((person: { name: string }) => person.name)).toEqual(["alice"]);
  });

  it("changes a password, and removes a person with their interviews only after --yes", async () => {
    expect((await cli(["user", "password", "Alice", "--password-stdin"], "a-new-password\n")).code).toBe(0);
    expect((await cli(["user", "password", "nobody", "--password-stdin"], "a-new-password\n")).stderr).toContain('Nobody named "nobody"');

    // Give alice an interview, as the app would store it.
    const handle = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
    const { findPersonByName } = await import("@/lib/db/queries/people");
    const { createInterviewSession, listInterviewSessions } = await import("@/lib/db/queries/interview-sessions");
    const alice = (await findPersonByName({ db: handle.db, name: "alice" }))!;
    const { verifyPassword } = await import("@/lib/auth/password");
    expect(await verifyPassword("a-new-password", alice.passwordHash)).toBe(true);
    await createInterviewSession({ db: handle.db, ownerId: alice.id, settings: { topics: [], questionCount: 1, style: "neutral", voice: false, dueOnly: false }, mode: "offline", plan: [] });
    await handle.close();

    const unconfirmed = await cli(["user", "remove", "alice"]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain("Run it again with --yes");
    const removed = await cli(["user", "remove", "alice", "--yes"]);
    expect(removed).toMatchObject({ code: 0, stderr: expect.stringContaining("Removed alice: 1 interviews and 0 documents.") });

    const again = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
    expect(await findPersonByName({ db: again.db, name: "alice" })).toBeNull();
    expect(await listInterviewSessions({ db: again.db, ownerId: alice.id })).toEqual([]);
    await again.close();
  });
});
