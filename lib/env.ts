import path from "node:path";
import { z } from "zod";
import { ConfigError } from "./errors";

/**
 * All configuration, read from the environment and validated once. This is the only module that
 * reads `process.env`; everything else asks `getEnv()`, so a wrong value stops the app at start
 * with a message naming the variable instead of failing somewhere deep inside a request.
 */

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
    error: "expected true or false",
  })
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), {
    error: "expected a PostgreSQL connection URL such as postgres://user:password@host:5432/db",
  });

const port = z.coerce
  .number({ error: "expected a port number" })
  .int({ error: "expected a whole port number" })
  .min(1, { error: "expected a port from 1 to 65535" })
  .max(65535, { error: "expected a port from 1 to 65535" });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  // Loopback unless asked otherwise: a coach holding someone's practice must not be reachable from
  // the network by accident. Any other address turns sign-in on (see signInRequired).
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  AUTH_REQUIRED: booleanFlag.optional(),
  NEXTAUTH_SECRET: z.string().trim().min(32, { error: "expected at least 32 characters (e.g. `openssl rand -base64 32`)" }).optional(),
  AUTH_SECRET: z.string().trim().min(32, { error: "expected at least 32 characters (e.g. `openssl rand -base64 32`)" }).optional(),
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "expected the app's public URL such as https://coach.example.org" }).optional(),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  PGLITE_DIR: optionalText,
  DATABASE_URL: postgresUrl.optional(),
  EMBEDDINGS: z
    .enum(["local", "openai", "none"], { error: "expected local, openai or none" })
    .default("local"),
  EMBEDDING_MODEL: z
    .string()
    .trim()
    .regex(/^[\w.-]+(\/[\w.-]+)?$/, { error: "expected a model id such as Xenova/bge-small-en-v1.5" })
    .default("Xenova/bge-small-en-v1.5"),
  EMBEDDING_MODEL_DIR: optionalText,
  EMBEDDING_DTYPE: z.enum(["auto", "fp32", "q8"], { error: "expected auto, fp32 or q8" }).default("auto"),
  EMBEDDING_POOLING: z.enum(["auto", "mean", "cls"], { error: "expected auto, mean or cls" }).default("auto"),
  EMBEDDING_BATCH_SIZE: z.coerce.number().int().min(1).max(1024).default(32),
  EMBEDDING_ALLOW_DOWNLOAD: booleanFlag.default(true),
  INGEST_MAX_DOCUMENT_MB: z.coerce
    .number({ error: "expected a size in megabytes" })
    .positive({ error: "expected a size in megabytes above 0" })
    .max(1024, { error: "expected at most 1024 (MB)" })
    .default(10),
  // How many documents one upload may carry (the library page's Add documents).
  MAX_DOCUMENTS_PER_UPLOAD: z.coerce
    .number({ error: "expected a number of documents" })
    .int({ error: "expected a whole number of documents" })
    .min(1, { error: "expected at least 1" })
    .max(1000, { error: "expected at most 1000" })
    .default(20),
  // The longest message (answer, question, request) the interview takes, in characters.
  MAX_ANSWER_CHARS: z.coerce
    .number({ error: "expected a number of characters" })
    .int({ error: "expected a whole number of characters" })
    .min(100, { error: "expected at least 100 (characters)" })
    .max(1_000_000, { error: "expected at most 1000000 (characters)" })
    .default(20_000),
  // Messages and interview starts per person per minute (both may call the LLM); 0 turns it off.
  RATE_LIMIT_MESSAGES_PER_MINUTE: z.coerce
    .number({ error: "expected a number of messages per minute" })
    .int({ error: "expected a whole number of messages per minute" })
    .min(0, { error: "expected 0 (off) or more" })
    .max(100_000, { error: "expected at most 100000" })
    .default(30),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: z
    .url({ protocol: /^https?$/, error: "expected an http(s) URL such as http://localhost:11434/v1" })
    .optional(),
  OPENAI_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
  OPENAI_EMBEDDING_MODEL: z.string().trim().min(1).default("text-embedding-3-small"),
  NEXT_PHASE: optionalText,
  // One LLM request's time limit (ms) and how many tries a structured request gets in all.
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1000, { error: "expected at least 1000 (ms)" }).max(600_000).default(30_000),
  OPENAI_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
});

type RawEnv = z.infer<typeof envSchema>;

export type Env = RawEnv & {
  /** Absolute folder of the embedded PGlite database (unused when DATABASE_URL is set). */
  pgliteDir: string;
  /** Absolute folder holding embedding models in the transformers.js layout (`<id>/onnx/*.onnx`). */
  embeddingModelDir: string;
  /** True while `next build` runs: nothing may open the database then. */
  isBuildPhase: boolean;
  /**
   * People must sign in: AUTH_REQUIRED when set, otherwise whenever HOST is not a loopback
   * address (the app is then reachable from other machines).
   */
  signInRequired: boolean;
  /** NEXTAUTH_SECRET or AUTH_SECRET; unset, `npm start` keeps a generated one under DATA_DIR. */
  authSecret: string | undefined;
};

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare) || bare === "::ffff:127.0.0.1";
}

/**
 * Parses and validates an environment. Pure: pass any record (tests do); throws a ConfigError
 * listing every bad variable with what it expects.
 */
export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): Env {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "configuration");
      const got = present[name];
      const shown = got === undefined ? "" : ` (got ${JSON.stringify(redact(name, got))})`;
      return `- ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const dataDir = path.resolve(cwd, env.DATA_DIR);
  return {
    ...env,
    pgliteDir: path.resolve(cwd, env.PGLITE_DIR ?? path.join(dataDir, "pglite")),
    embeddingModelDir: path.resolve(cwd, env.EMBEDDING_MODEL_DIR ?? path.join(dataDir, "models")),
    isBuildPhase: env.NEXT_PHASE === "phase-production-build",
    signInRequired: env.AUTH_REQUIRED ?? !isLoopbackHost(env.HOST),
    authSecret: env.NEXTAUTH_SECRET ?? env.AUTH_SECRET,
  };
}

/** Secrets never appear in error messages, even wrong ones. */
function redact(name: string, value: string): string {
  if (name === "OPENAI_API_KEY" || name === "NEXTAUTH_SECRET" || name === "AUTH_SECRET") return "***";
  if (name === "DATABASE_URL") return redactUrl(value);
  return value;
}

/**
 * A connection string safe to print: the password of a URL is masked, and anything that does not
 * parse as a URL (a libpq `key=value` string, say) is not printed at all.
 */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(not shown: not a URL)";
  }
}

const cache = globalThis as unknown as { __coachEnv?: Env };

/** The validated configuration of this process, parsed on first use. */
export function getEnv(): Env {
  cache.__coachEnv ??= parseEnv(process.env);
  return cache.__coachEnv;
}
