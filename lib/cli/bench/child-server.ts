import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";

/** A server the bench started as a child process, in its own process group. */
export interface ChildServer {
  child: ChildProcess;
  /** Everything it wrote so far (stdout and stderr), for error messages. */
  output(): string;
  /** Stops the whole process group (SIGTERM, then SIGKILL after `graceMs`); safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

/** The path of tsx's command line, to run a TypeScript entry point in a child process. */
export function tsxCli(): string {
  return createRequire(import.meta.url).resolve("tsx/cli");
}

/**
 * Starts `node <args>` in its own process group, so stopping it stops whatever it started too (the
 * app's `serve` starts `next start`). The group is killed when this process exits, however it exits.
 */
export function startChild(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; onLine?: (line: string) => void }): ChildServer {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let partial = "";
  const take = (data: Buffer) => {
    const text = data.toString("utf8");
    output = (output + text).slice(-20_000);
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) options.onLine?.(line);
  };
  child.stdout!.on("data", take);
  child.stderr!.on("data", take);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const onExit = () => killGroup("SIGKILL");
  process.once("exit", onExit);
  let stopping: Promise<void> | null = null;
  return {
    child,
    output: () => output,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        killGroup("SIGTERM");
        const timer = setTimeout(() => killGroup("SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
        // Grandchildren may outlive their parent by a moment: make sure the group is gone.
        killGroup("SIGKILL");
        process.off("exit", onExit);
      })();
      return stopping;
    },
  };
}

/** A port free on the loopback interface now (the OS picks it). */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `check` returns true (polled every `everyMs`), or rejects after `timeoutMs` or when `gone()` says the server died. */
export async function waitFor(check: () => Promise<boolean>, { timeoutMs, everyMs = 250, gone }: { timeoutMs: number; everyMs?: number; gone: () => string | null }): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const died = gone();
    if (died) throw new Error(died);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`not ready after ${Math.round(timeoutMs / 1000)} s`);
}
