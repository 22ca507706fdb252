import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { acquirePgliteLock } from "@/lib/db/pglite-lock";

describe("one process per embedded database", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
  let other: ChildProcess | undefined;

  afterAll(() => {
    other?.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("refuses a data folder held by another live process, naming it and the way out", async () => {
    other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const dataDir = path.join(root, "held");
    fs.writeFileSync(`${dataDir}.lock`, String(other.pid));
    await expect(openDatabase({ pgliteDir: dataDir })).rejects.toThrow(
      new RegExp(`in use by another process \\(pid ${other.pid}.*DATABASE_URL`),
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("takes over a lock left by a process that has exited, and releases it on close", async () => {
    const dataDir = path.join(root, "stale");
    const gone = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => gone.on("exit", resolve));
    fs.writeFileSync(`${dataDir}.lock`, String(gone.pid));
    const handle = await openDatabase({ pgliteDir: dataDir });
    expect(JSON.parse(fs.readFileSync(`${dataDir}.lock`, "utf8")).pid).toBe(process.pid);
    await handle.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("refuses to open the same data folder twice in one process", () => {
    const dataDir = path.join(root, "own");
    const release = acquirePgliteLock(dataDir);
    expect(() => acquirePgliteLock(dataDir)).toThrow(/already open in this process/);
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("does not mistake a live process that reused a dead owner's pid for the owner", async () => {
    other ??= spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const dataDir = path.join(root, "reused");
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: other.pid, started: "1" }));
    const handle = await openDatabase({ pgliteDir: dataDir });
    expect(JSON.parse(fs.readFileSync(`${dataDir}.lock`, "utf8")).pid).toBe(process.pid);
    await handle.close();
  });
});
