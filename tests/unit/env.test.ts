import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { ConfigError } from "@/lib/errors";

const cwd = "/srv/coach";

describe("parseEnv", () => {
  it("runs on embedded defaults with no configuration at all", () => {
    const env = parseEnv({}, cwd);
    expect(env.PORT).toBe(3000);
    // Loopback by default: nothing is reachable from other machines unless asked for.
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.signInRequired).toBe(false);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.pgliteDir).toBe(path.join(cwd, ".data", "pglite"));
    expect(env.embeddingModelDir).toBe(path.join(cwd, ".data", "models"));
    expect(env.EMBEDDINGS).toBe("local");
    expect(env.EMBEDDING_MODEL).toBe("Xenova/bge-small-en-v1.5");
    expect(env.isBuildPhase).toBe(false);
  });

  it("reads the optional settings", () => {
    const env = parseEnv(
      {
        PORT: "4100",
        HOST: "127.0.0.1",
        DATA_DIR: "/var/lib/coach",
        DATABASE_URL: "postgresql://coach:secret@db:5432/coach",
        EMBEDDINGS: "openai",
        EMBEDDING_ALLOW_DOWNLOAD: "no",
        OPENAI_BASE_URL: "http://localhost:11434/v1",
        OPENAI_MODEL: "llama3.1",
      },
      cwd,
    );
    expect(env).toMatchObject({ PORT: 4100, HOST: "127.0.0.1", EMBEDDINGS: "openai", EMBEDDING_ALLOW_DOWNLOAD: false, OPENAI_MODEL: "llama3.1" });
    expect(env.pgliteDir).toBe("/var/lib/coach/pglite");
  });

  it("turns sign-in on when the app listens beyond loopback, unless AUTH_REQUIRED says otherwise", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(parseEnv({ HOST: host }, cwd).signInRequired, host).toBe(false);
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "coach.example.org"]) expect(parseEnv({ HOST: host }, cwd).signInRequired, host).toBe(true);
    expect(parseEnv({ HOST: "0.0.0.0", AUTH_REQUIRED: "false" }, cwd).signInRequired).toBe(false);
    expect(parseEnv({ AUTH_REQUIRED: "true" }, cwd).signInRequired).toBe(true);
  });

  it("wants a sign-in secret long enough to resist guessing, and never prints it", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: "x".repeat(32) }, cwd).authSecret).toBe("x".repeat(32));
    expect(parseEnv({ AUTH_SECRET: "y".repeat(40) }, cwd).authSecret).toBe("y".repeat(40));
    let message = "";
    try {
      parseEnv({ NEXTAUTH_SECRET: "short-secret-value" }, cwd);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("NEXTAUTH_SECRET: expected at least 32 characters");
    expect(message).not.toContain("short-secret-value");
  });

  it("treats an empty variable as unset", () => {
    const env = parseEnv({ PORT: "", DATABASE_URL: "" }, cwd);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names every wrong variable and what it expects", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "eighty", EMBEDDINGS: "magic", OPENAI_BASE_URL: "localhost" }, cwd);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT: expected a port number (got "eighty")');
    expect(message).toContain("EMBEDDINGS: expected local, openai or none");
    expect(message).toContain("OPENAI_BASE_URL: expected an http(s) URL");
    expect(() => parseEnv({ OPENAI_BASE_URL: "ftp://models.local/v1" }, cwd)).toThrow(/OPENAI_BASE_URL: expected an http\(s\) URL/);
  });

  it("rejects ports out of range", () => {
    expect(() => parseEnv({ PORT: "70000" }, cwd)).toThrow(/PORT: expected a port from 1 to 65535/);
  });

  it("never repeats a password or API key in its messages", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://root:hunter2@db/x" }, cwd)).toThrow(/mysql:\/\/root:\*\*\*@db\/x/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://root:hunter2@db/x" }, cwd)).not.toThrow(/hunter2/);
    // libpq key=value strings are not URLs: nothing of them is repeated.
    expect(() => parseEnv({ DATABASE_URL: "host=db password=s3cret" }, cwd)).not.toThrow(/s3cret/);
    expect(() => parseEnv({ OPENAI_API_KEY: "sk-1", OPENAI_BASE_URL: "ftp://x" }, cwd)).not.toThrow(/sk-1/);
  });

  it("knows when next build is running", () => {
    expect(parseEnv({ NEXT_PHASE: "phase-production-build" }, cwd).isBuildPhase).toBe(true);
  });
});
