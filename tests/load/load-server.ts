import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The app as the load test runs it: the production build (`.next`, from `next build`) served by
 * `next start` on loopback, over a fresh data folder whose database was migrated and given the
 * `content/` documents by the command line's `ingest` first. Offline: no LLM, no embedding model.
 */
export interface LoadServer {
  url: string;
  /** The process serving requests (next-server), whose memory the soak samples. */
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startLoadServer({ port, dataDir }: { port: number; dataDir: string }): Promise<LoadServer> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npx next build` first");
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDINGS: "none", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", RATE_LIMIT_MESSAGES_PER_MINUTE: "0" };
  for (const name of ["DATABASE_URL", "PGLITE_DIR", "OPENAI_API_KEY", "OPENAI_BASE_URL"]) delete env[name];
  const ingest = spawnSync("node_modules/.bin/tsx", ["lib/cli/main.ts", "ingest", "--json"], { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  const summary = JSON.parse(ingest.stdout) as { documents: number; questions: number };
  process.stderr.write(`ingested ${summary.documents} documents, ${summary.questions} questions into ${dataDir}\n`);

  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "inherit", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return {
    url,
    pid: serverPid(child.pid!),
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become healthy`);
}

/** The next-server process among `root` and its descendants (Next may serve from a child), else `root`. */
export function serverPid(root: number): number {
  const family = [root, ...descendants(root)];
  return family.find((pid) => readProc(pid, "comm")?.startsWith("next-server")) ?? family.find((pid) => readProc(pid, "cmdline")?.includes("next-server")) ?? root;
}

function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), "stat");
    // The parent pid is the second field after the parenthesised command name.
    const match = stat?.match(/\)\s+\S+\s+(\d+)/);
    if (match) parents.set(Number(entry), Number(match[1]));
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const current = queue.shift()!;
    for (const [pid, parent] of parents) {
      if (parent !== current) continue;
      found.push(pid);
      queue.push(pid);
    }
  }
  return found;
}

function readProc(pid: number, file: string): string | null {
  try {
    return fs.readFileSync(path.join("/proc", String(pid), file), "utf8");
  } catch {
    return null;
  }
}

/** The resident set size of a process in MiB, from /proc/<pid>/status (VmRSS). */
export function rssMiB(pid: number): number | null {
  const match = readProc(pid, "status")?.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) / 1024 : null;
}
