import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (no browser download) against the production build,
// started exactly as a user starts it (`npm start`), on its own port and its own data folder.
const port = Number(process.env.E2E_PORT ?? 3217);
const baseURL = `http://127.0.0.1:${port}`;
// The same app in LLM mode, against the OpenAI-compatible test server with recorded replies.
const llmPort = port + 1;
const fakeLlmPort = port + 2;
const llmBaseURL = `http://127.0.0.1:${llmPort}`;
// The same app shared by several people: sign-in required (as when it listens beyond loopback).
const sharedPort = port + 3;
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
      command: "npm start",
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: ".data/e2e",
        EMBEDDING_ALLOW_DOWNLOAD: "false",
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
      timeout: 300_000,
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
      },
    },
    {
      command: `node tests/e2e/support/wait-for-url.mjs ${baseURL}/api/health && ${addPeople} && npm start`,
      url: `${sharedBaseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(sharedPort),
        HOST: "127.0.0.1",
        AUTH_REQUIRED: "true",
        DATA_DIR: ".data/e2e-shared",
        EMBEDDING_ALLOW_DOWNLOAD: "false",
      },
    },
  ],
});
