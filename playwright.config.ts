import { defineConfig } from "@playwright/test";
import { CANARIES } from "./tests/e2e/support/canaries";

// End-to-end tests drive Debian's Chromium (no browser download) against the production build,
// started exactly as a user starts it (`npm start`), on its own port and its own data folder.
// Ports: E2E_PORT (offline app), +1 (LLM app), +2 (OpenAI-compatible test server), +3 (limits app).
const port = Number(process.env.E2E_PORT ?? 3217);
const baseURL = `http://127.0.0.1:${port}`;
// The same app in LLM mode, against the OpenAI-compatible test server with recorded replies.
const llmPort = port + 1;
const fakeLlmPort = port + 2;
const llmBaseURL = `http://127.0.0.1:${llmPort}`;
// The offline app again with a message rate of 2 a minute, for the rate limit's own tests: the
// other apps turn the limit off, since their tests send many messages in a minute.
const limitsPort = port + 3;
// Secrets that must never reach a browser (tests/e2e/secrets.e2e.ts): the build gets all of them
// (build-with-canaries.ts), the servers those that leave their mode as it is.
const runtimeCanaries = { AUTH_SECRET: CANARIES.AUTH_SECRET, NEXTAUTH_SECRET: CANARIES.NEXTAUTH_SECRET };
// The same app shared by several people: sign-in required (as when it listens beyond loopback).
const sharedPort = port + 4;
const sharedBaseURL = `http://127.0.0.1:${sharedPort}`;
// Two people who may sign in; `user add` refuses a name taken by an earlier run (`|| true`).
const addPeople = ["alice", "bob"].map((name) => `(printf '%s\\n' '${name}-password-e2e' | npm run -s cli -- user add ${name} --password-stdin || true)`).join(" && ");

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.e2e.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // The flags keep Chromium from reaching out to the network at start (there is none here).
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    {
      command: "npx tsx tests/e2e/support/build-with-canaries.ts && npm start",
      url: `${baseURL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: ".data/e2e",
        EMBEDDING_ALLOW_DOWNLOAD: "false",
        RATE_LIMIT_MESSAGES_PER_MINUTE: "0",
        ...runtimeCanaries,
      },
    },
    {
      command: `npx tsx tests/fixtures/openai-server/interview-cli.ts ${fakeLlmPort}`,
      url: `http://127.0.0.1:${fakeLlmPort}/v1/models`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // Waits for the first app, so that only one of them builds .next.
      command: `node tests/e2e/support/wait-for-url.mjs ${baseURL}/api/health && npm start`,
      url: `${llmBaseURL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(llmPort),
        HOST: "127.0.0.1",
        DATA_DIR: ".data/e2e-llm",
        EMBEDDING_ALLOW_DOWNLOAD: "false",
        OPENAI_BASE_URL: `http://127.0.0.1:${fakeLlmPort}/v1`,
        OPENAI_MODEL: "test-model",
        OPENAI_TIMEOUT_MS: "5000",
        // One try: a recorded failure stays a failure (a retry carries another last message).
        OPENAI_MAX_ATTEMPTS: "1",
        RATE_LIMIT_MESSAGES_PER_MINUTE: "0",
        // The test server takes any key: a canary key leaves this app's mode as it is.
        OPENAI_API_KEY: CANARIES.OPENAI_API_KEY,
        ...runtimeCanaries,
      },
    },
    {
      command: `node tests/e2e/support/wait-for-url.mjs ${baseURL}/api/health && npm start`,
      url: `http://127.0.0.1:${limitsPort}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(limitsPort),
        HOST: "127.0.0.1",
        DATA_DIR: ".data/e2e-limits",
        EMBEDDING_ALLOW_DOWNLOAD: "false",
        RATE_LIMIT_MESSAGES_PER_MINUTE: "2",
      },
    },
    {
      command: `node tests/e2e/support/wait-for-url.mjs ${baseURL}/api/health && ${addPeople} && npm start`,
      url: `${sharedBaseURL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(sharedPort),
        HOST: "127.0.0.1",
        AUTH_REQUIRED: "true",
        DATA_DIR: ".data/e2e-shared",
        EMBEDDING_ALLOW_DOWNLOAD: "false",
        // Here the canary really signs the sign-in cookies: the scan proves it never reaches a page.
        ...runtimeCanaries,
      },
    },
  ],
});
