import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const SCRIPT = path.join(import.meta.dirname, "interview-child.ts");

/** A running interview-child.ts: its JSON lines as they arrive, and how it ended. */
export interface Child {
  process: ChildProcess;
  lines: Record<string, unknown>[];
  /** Resolves on the first line with this `event` (rejects if the process ends first). */
  event(name: string): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts `interview-child.ts <args>` with `env` added to this process's environment. */
export function spawnChild(args: string[], env: Record<string, string | undefined>): Child {
  // One process (tsx as a loader, not its CLI, which would run the script in a child of its own),
  // so a SIGKILL reaches the process doing the work.
  const child = spawn(process.execPath, ["--conditions", "react-server", "--import", "tsx", SCRIPT, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const lines: Record<string, unknown>[] = [];
  const waiting: { name: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  let buffered = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    let newline;
    while ((newline = buffered.indexOf("\n")) !== -1) {
      const line = JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>;
      buffered = buffered.slice(newline + 1);
      lines.push(line);
      for (const waiter of waiting.filter((entry) => entry.name === line.event)) waiter.resolve(line);
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr })));
  return {
    process: child,
    lines,
    event(name) {
      const seen = lines.find((line) => line.event === name);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiting.push({ name, resolve });
        void exited.then(({ code, signal, stderr: errors }) => reject(new Error(`the child ended (${code ?? signal}) before "${name}": ${errors.slice(-2000)}`)));
      });
    },
    exited,
  };
}

/** Runs `interview-child.ts <args>` to its end and returns its last line; throws if it fails. */
export async function runChild(args: string[], env: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const child = spawnChild(args, env);
  const { code, stderr } = await child.exited;
  if (code !== 0) throw new Error(`interview-child ${args[0]} exited with ${code}: ${stderr.slice(-2000)}`);
  return child.lines.at(-1)!;
}
