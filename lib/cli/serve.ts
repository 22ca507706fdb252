import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { releaseEmbedder } from "@/lib/embeddings";
import { ensureAuthSecret } from "@/lib/auth/auth-secret";
import { countPeople } from "@/lib/db/queries/people";
import { getEnv, isLoopbackHost } from "@/lib/env";
import { isBuildStale } from "./build-freshness";
import { ingestWithProgress } from "./ingest";

/**
 * `serve` (what `npm start` runs): validates the configuration, applies migrations, ingests
 * `content/` (only new or changed documents do any work), builds the app when its sources changed
 * since the last build, then runs `next start` on PORT/HOST. Extra arguments go to `next start`
 * (e.g. `npm start -- -p 4000`). A document that fails to ingest is reported and skipped; the
 * app still starts.
 */
export async function runServe(args: string[]): Promise<number> {
  const env = getEnv();
  const handle = await getDatabase();
  process.stderr.write(`Database ready (${handle.kind}, ${handle.location}).\n`);
  const access = await prepareAccess(args, await countPeople({ db: handle.db }));
  // Ctrl-C during start-up stops ingestion between documents and closes the database cleanly.
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(signalExitCode(signal));
    process.stderr.write("\nStopping after the current document (Ctrl-C again to quit at once)...\n");
    stop.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    if (fs.existsSync("content")) {
      const summary = await ingestWithProgress(["content"], stop.signal);
      process.stderr.write(`Question bank: ${summary.questions} questions from ${summary.documents} documents.\n`);
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await releaseEmbedder();
  }
  // PGlite admits one process: release it before the server process opens it.
  await closeDatabase();
  if (stop.signal.aborted) return signalExitCode(stop.signal.reason as NodeJS.Signals);

  if (isBuildStale()) {
    process.stderr.write("Building the app (first start, or the sources changed)...\n");
    const built = await runNext(["build"]);
    if (built !== 0) return built;
  }
  const hostArgs = args.some((arg) => arg === "-H" || arg.startsWith("--hostname")) ? [] : ["-H", env.HOST];
  const portArgs = args.some((arg) => arg === "-p" || arg.startsWith("--port")) ? [] : ["-p", String(env.PORT)];
  return runNext(["start", ...portArgs, ...hostArgs, ...args], access);
}

/**
 * Who may use the server about to start. On loopback nobody signs in. Reachable from other
 * machines (HOST or `-H` is not a loopback address), people must sign in unless AUTH_REQUIRED=false
 * says a proxy in front does it: a sign-in secret is made if none is configured, and the server
 * process is told the host it really listens on (an `-H` argument is not in its environment).
 */
async function prepareAccess(args: string[], people: number): Promise<Record<string, string>> {
  const env = getEnv();
  const flag = args.findIndex((arg) => arg === "-H" || arg === "--hostname");
  const inline = args.find((arg) => arg.startsWith("--hostname="));
  const host = flag >= 0 ? (args[flag + 1] ?? env.HOST) : inline ? inline.slice("--hostname=".length) : env.HOST;
  const reachable = !isLoopbackHost(host);
  const signIn = env.AUTH_REQUIRED ?? reachable;
  const extra: Record<string, string> = { HOST: host, AUTH_REQUIRED: String(signIn) };
  if (reachable && !signIn) process.stderr.write(`Warning: listening on ${host} with AUTH_REQUIRED=false: anyone who can reach it sees and changes everything. Only do this behind a proxy that signs people in.\n`);
  if (!signIn) return extra;
  if (ensureAuthSecret().generated) process.stderr.write(`Sign-in is on (listening on ${host}); made a sign-in secret in ${env.DATA_DIR}/auth-secret.\n`);
  // Without a public URL, Auth.js builds its links from the Host header the browser sent.
  if (!env.NEXTAUTH_URL) extra.AUTH_TRUST_HOST = "true";
  if (people === 0) process.stderr.write("Sign-in is on, but nobody may sign in yet: add someone with `npm run cli -- user add <name>`.\n");
  return extra;
}

/** Runs the Next.js CLI in the foreground, passing signals on so Ctrl-C stops it cleanly. */
function runNext(args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [createRequire(import.meta.url).resolve("next/dist/bin/next"), ...args], {
      stdio: "inherit",
      // A self-hosted app phones nobody home unless its owner asks for it.
      env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...extraEnv },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? signalExitCode(signal) : 1));
    });
  });
}

/** The shell's convention: 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM). */
function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 1);
}
