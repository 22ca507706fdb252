// No "server-only" marker: `npm start` (the command line, outside Next) makes the secret too.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { ConfigError } from "@/lib/errors";

/** Where `npm start` keeps the secret it generated when none was configured. */
function secretFile(): string {
  return path.resolve(getEnv().DATA_DIR, "auth-secret");
}

/**
 * The key that signs sign-in cookies: NEXTAUTH_SECRET (or AUTH_SECRET), else the one kept under
 * DATA_DIR. Fails with a clear message when sign-in is on and there is none.
 */
export function getAuthSecret(): string {
  const configured = getEnv().authSecret;
  if (configured) return configured;
  try {
    const stored = fs.readFileSync(secretFile(), "utf8").trim();
    if (stored.length >= 32) return stored;
  } catch {
    // No stored secret: fall through to the error below.
  }
  throw new ConfigError("Sign-in needs a secret: set NEXTAUTH_SECRET to 32 or more random characters (e.g. `openssl rand -base64 32`), or start the app with `npm start`, which keeps one under DATA_DIR.");
}

/**
 * Makes sure a secret exists for a server about to start with sign-in: a configured one, or one
 * generated now and kept (readable by this user only) so sign-ins survive restarts.
 */
export function ensureAuthSecret(): { generated: boolean } {
  if (getEnv().authSecret) return { generated: false };
  const file = secretFile();
  if (fs.existsSync(file)) return { generated: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return { generated: true };
}
