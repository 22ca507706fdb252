import fs from "node:fs";
import path from "node:path";

/**
 * Made-up secrets planted in the environment of the e2e build and servers, so that a test can
 * prove none of them reaches the browser: not in any client file of the build, not in any page
 * or JSON the servers send. Fixed values: the config and its workers must agree on them. The
 * sign-in secrets are 32+ characters, as lib/env requires of real ones.
 */
export const CANARY_DB_PASSWORD = "canaryDbPassword9f41e2c7";
export const CANARIES = {
  OPENAI_API_KEY: "sk-canary-openai-5b1f0e9d2c7a4e8b",
  AUTH_SECRET: "canary-auth-secret-3e7d91c4a8f0-b25e6d04",
  NEXTAUTH_SECRET: "canary-nextauth-secret-8c2b6f0a1d77-4f09",
  DATABASE_URL: `postgres://coach:${CANARY_DB_PASSWORD}@127.0.0.1:9/coach`,
} as const;

/** The values to look for: each secret, and the database password on its own. */
export const CANARY_VALUES = [CANARIES.OPENAI_API_KEY, CANARIES.AUTH_SECRET, CANARIES.NEXTAUTH_SECRET, CANARY_DB_PASSWORD];

/** Written next to a build made with the canaries, naming that build (see build-with-canaries.ts). */
export const CANARY_MARKER = path.join(".next", "e2e-canary-build.json");

/** Every canary found in `text` (or bytes). */
export function canariesIn(content: string | Buffer): string[] {
  const text = typeof content === "string" ? content : content.toString("latin1");
  return CANARY_VALUES.filter((value) => text.includes(value));
}

/** Every file under `root`, recursively. */
export function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
