/**
 * The command line: `npm run -s cli -- <command>`. Progress and logs go to stderr; with `--json`
 * stdout carries only JSON, so benchmarks and scripts can pipe it.
 */
import { AppError } from "@/lib/errors";
import { runCheckMigrations } from "./check-migrations";
import { runIngest } from "./ingest";
import { runMigrate } from "./migrate";
import { runQuestions } from "./questions";
import { runServe } from "./serve";
import { runStatus } from "./status";

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  ingest: { run: runIngest, help: "ingest content/ (or the given files and folders) [--json]" },
  questions: { run: runQuestions, help: "list every question with its sources [--json]" },
  serve: { run: runServe, help: "apply migrations, build the app if its sources changed, and serve it (PORT, HOST)" },
  migrate: { run: runMigrate, help: "apply pending database migrations" },
  status: { run: runStatus, help: "show the database and embedding tier in use [--json]" },
  "check-migrations": { run: runCheckMigrations, help: "fail when lib/db/schema and drizzle/ have drifted apart" },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, { help }]) => `  ${name.padEnd(18)} ${help}`);
  return `Usage: npm run -s cli -- <command> [options]\n\nCommands:\n${lines.join("\n")}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // People get the message; a stack only for errors we did not anticipate.
    const text = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`Error: ${text}\n`);
    process.exitCode = 1;
  },
);
