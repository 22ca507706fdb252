import fs from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";

/**
 * PGlite is a single-process database: two processes writing the same data folder corrupt it.
 * A lock file beside the folder names its owner (pid and process start time, so a reused pid is
 * not mistaken for the owner); a lock whose owner is gone is taken over. Taking over a stale lock
 * is not atomic: two processes starting in the same instant after a crash could both take it.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockOwner = { pid: process.pid, started: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath, me)) {
      // Also on a plain exit, so the lock does not outlive the process.
      const release = () => releaseIfOurs(lockPath);
      process.once("exit", release);
      return () => {
        process.off("exit", release);
        release();
      };
    }
    const owner = readOwner(lockPath);
    if (owner === "being-written") continue;
    if (owner && owner.pid === process.pid) {
      throw new AppError("conflict", `The embedded database at ${dataDir} is already open in this process.`);
    }
    if (owner && isRunning(owner)) {
      throw new AppError(
        "unavailable",
        `The embedded database at ${dataDir} is in use by another process (pid ${owner.pid}, ` +
          "probably the app server started with `npm start`). PGlite allows one process at a time: " +
          `stop that process first, or set DATABASE_URL to a PostgreSQL server that several processes can share. (Lock file: ${lockPath})`,
      );
    }
    fs.rmSync(lockPath, { force: true });
  }
  throw new AppError("unavailable", `Could not lock the embedded database at ${dataDir} (lock file: ${lockPath}).`);
}

interface LockOwner {
  pid: number;
  started: string | null;
}

/** Writes the lock whole, then links it into place: others never see a half-written lock. */
function tryCreate(lockPath: string, owner: LockOwner): boolean {
  const temporary = `${lockPath}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(owner));
  try {
    fs.linkSync(temporary, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function readOwner(lockPath: string): LockOwner | "being-written" | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, "utf8");
  } catch {
    return "being-written"; // removed meanwhile: try to create it again
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === "number") return { pid: parsed.pid, started: parsed.started ?? null };
  } catch {
    // An older plain-pid lock, or garbage.
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? { pid, started: null } : null;
}

function isRunning(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = processStartTime(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

/** The kernel's start time of a process (Linux); null where /proc is not available. */
function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start after the last ')'.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function releaseIfOurs(lockPath: string): void {
  const owner = readOwner(lockPath);
  if (owner && owner !== "being-written" && owner.pid === process.pid) fs.rmSync(lockPath, { force: true });
}
