import fs from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";

/**
 * PGlite is a single-process database: two processes writing the same data folder corrupt it.
 * A lock file beside the folder holding the owner's pid turns that into a clear error; a lock
 * left by a process that no longer runs is taken over.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      // Also on a plain exit (Ctrl-C in `next start` ends with process.exit), so the lock does not
      // outlive us and later point at an unrelated process that reuses the pid.
      const release = () => releaseIfOurs(lockPath);
      process.once("exit", release);
      return () => {
        process.off("exit", release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (owner === process.pid) return () => releaseIfOurs(lockPath);
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new AppError(
          "unavailable",
          `The embedded database at ${dataDir} is in use by another process (pid ${owner}, ` +
            "probably the app server started with `npm start`). PGlite allows one process at a time: " +
            "stop that process first, or set DATABASE_URL to a PostgreSQL server that several processes can share.",
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError("unavailable", `Could not lock the embedded database at ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function releaseIfOurs(lockPath: string): void {
  try {
    if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.rmSync(lockPath);
  } catch {
    // Already gone: nothing to release.
  }
}
