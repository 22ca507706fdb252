/**
 * The command line: `npm run -s cli -- <command>`. Progress and logs go to stderr; with `--json`
 * stdout carries only JSON, so benchmarks and scripts can pipe it.
 */
import nextEnv from "@next/env";
import { AppError } from "@/lib/errors";

type Command = (args: string[]) => Promise<number>;

// Each command loads only its own modules: `migrate` must work even when, say, ingestion is broken.
const COMMANDS: Record<string, { load: () => Promise<Command>; help: string }> = {
  ingest: { load: async () => (await import("./ingest")).runIngest, help: "ingest content/ (or the given files and folders) [--json]" },
  questions: { load: async () => (await import("./questions")).runQuestions, help: "list every question with its sources [--json]" },
  search: {
    load: async () => (await import("./search")).runSearch,
    help: "find the questions that match a query <query> [--k N] [--json], or many: --jsonl <file|->",
  },
  grade: {
    load: async () => (await import("./grade")).runGrade,
    help: "grade answers: --jsonl <file|-> of {id?, question, answer, reference?} [--grader auto|local|llm]",
  },
  eval: {
    load: async () => (await import("./eval")).runEval,
    help: "measure quality beside baselines: retrieval [--dataset mlquestions|seed|all] [--split test|dev] [--json], grading [--dataset mohler|scientsbank|saf|adversarial|all] [--json]",
  },
  serve: {
    load: async () => (await import("./serve")).runServe,
    help: "apply migrations, ingest content/, build the app if its sources changed, and serve it (PORT, HOST)",
  },
  bench: {
    load: async () => (await import("./bench")).runBench,
    help: "measure ingestion, embedding, grading, LLM overhead, the interview page and search against baselines [--json] [--quick] [--only PARTS] [--runs N]",
  },
  report: { load: async () => (await import("./report")).runReport, help: "write an HTML report of the latest bench and eval figures [--out FILE]" },
  user: {
    load: async () => (await import("./user")).runUser,
    help: "who may sign in when the app is reachable from other machines: add <name> | password <name> | remove <name> --yes | list [--json] [--password-stdin]",
  },
  migrate: { load: async () => (await import("./migrate")).runMigrate, help: "apply pending database migrations" },
  status: { load: async () => (await import("./status")).runStatus, help: "show the database and embedding tier in use [--json]" },
  "check-migrations": {
    load: async () => (await import("./check-migrations")).runCheckMigrations,
    help: "fail when lib/db/schema and drizzle/ have drifted apart",
  },
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
  // The same .env files `next start` reads, so the CLI and the server see one configuration.
  // @next/env is CommonJS: its named exports are only reachable through the default import.
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: (...parts: unknown[]) => console.error(...parts) });
  try {
    return await (await command.load())(args);
  } finally {
    // Open connections would keep the process alive after an error.
    const [{ closeDatabase }, { releaseEmbedder }] = await Promise.all([import("@/lib/db/client"), import("@/lib/embeddings")]);
    await Promise.allSettled([closeDatabase(), releaseEmbedder()]);
  }
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
