// Where the end-to-end tests find the apps that playwright.config.ts starts.
const port = Number(process.env.E2E_PORT ?? 3217);

/** The app with no LLM configured: template interviewer, offline grader. */
export const offlineURL = `http://127.0.0.1:${port}`;
/** The app against the OpenAI-compatible test server (tests/fixtures/openai-server/interview-cli.ts). */
export const llmURL = `http://127.0.0.1:${port + 1}`;
/** The offline app with RATE_LIMIT_MESSAGES_PER_MINUTE=2 (the other two turn the limit off). */
export const limitsURL = `http://127.0.0.1:${port + 3}`;
/** The message rate of the limits app, as playwright.config.ts sets it. */
export const LIMITS_RATE = 2;
/** The app shared by several people: sign-in required; alice and bob may sign in (password `<name>-password-e2e`). */
export const sharedURL = `http://127.0.0.1:${port + 4}`;
