import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getEnv } from "@/lib/env";

/** Where the measurement was made: figures from different machines do not compare. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  /** When the command finished, ISO 8601. */
  date: string;
}

/** What every saved bench or eval file carries besides its figures. */
export interface SavedEnvelope {
  /** The exact command that produced the figures. */
  command: string;
  machine: Machine;
}

/** The folder of saved figures: `$DATA_DIR/reports` (`.data/reports` by default). */
export function reportsDir(): string {
  return path.resolve(getEnv().DATA_DIR, "reports");
}

/** This machine, now. */
export function describeMachine(now = new Date()): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    date: now.toISOString(),
  };
}

/** The command line as typed: `npm run -s cli -- <command> <args>`, arguments quoted where the shell needs it. */
export function commandLine(command: string, args: readonly string[]): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return ["npm run -s cli --", command, ...args].map((part, index) => (index === 0 ? part : quote(part))).join(" ");
}

/**
 * Writes `figures` (with the machine) to `<reportsDir>/<name>-<time>.json`, the time in ISO 8601
 * with the colons made dashes so every file system accepts it; returns the path written.
 */
export async function saveFigures(name: string, figures: SavedEnvelope & Record<string, unknown>, dir = reportsDir()): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}-${figures.machine.date.replace(/:/g, "-")}.json`);
  await fs.writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

/** Every saved file whose name starts with `prefix`, newest first, parsed; unreadable files are skipped. */
export async function loadSaved(prefix: string, dir = reportsDir()): Promise<(SavedEnvelope & Record<string, unknown> & { file: string })[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const matching = names.filter((name) => name.startsWith(prefix) && name.endsWith(".json"));
  const loaded = [];
  for (const name of matching) {
    try {
      const parsed = JSON.parse(await fs.readFile(path.join(dir, name), "utf8")) as SavedEnvelope & Record<string, unknown>;
      if (parsed && typeof parsed === "object" && typeof parsed.command === "string") loaded.push({ ...parsed, file: path.join(dir, name) });
    } catch {
      // A half-written or foreign file says nothing about the product.
    }
  }
  // By the time inside, not the name: `eval-grading-all-…` and `eval-grading-saf-…` interleave in time.
  return loaded.sort((a, b) => (String(b.machine?.date) > String(a.machine?.date) ? 1 : String(b.machine?.date) < String(a.machine?.date) ? -1 : 0));
}
