import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CANARIES, CANARY_MARKER, CANARY_VALUES, canariesIn, filesUnder } from "./support/canaries";
import { llmURL, offlineURL, sharedURL } from "./support/servers";

// Secrets never reach the browser. The build these tests run against was made with canary
// secrets in its environment (support/build-with-canaries.ts: OPENAI_API_KEY, AUTH_SECRET,
// NEXTAUTH_SECRET, a DATABASE_URL with a password); the offline app runs with the AUTH canaries
// and the LLM app with those and the canary OPENAI_API_KEY (playwright.config.ts). Every client
// file of the build, and every page and JSON reply of both apps, is searched for each value.

test("the scanner finds a planted canary (so finding none means something)", () => {
  for (const value of CANARY_VALUES) expect(canariesIn(Buffer.from(`var x="${value}";`))).toEqual([value]);
  expect(canariesIn(CANARIES.DATABASE_URL)).toEqual([CANARY_VALUES[3]]);
});

test("the build under test was made with the canaries in its environment", () => {
  const marker = JSON.parse(fs.readFileSync(CANARY_MARKER, "utf8")) as { buildId: string; canaries: string[] };
  expect(marker.buildId).toBe(fs.readFileSync(path.join(".next", "BUILD_ID"), "utf8").trim());
  expect(marker.canaries).toEqual(Object.keys(CANARIES));
});

test("no client file of the build holds a secret", () => {
  // .next/static is everything a browser can download; prerendered pages (.html, .rsc, .body)
  // under .next/server/app are sent as they are.
  const prerendered = filesUnder(path.join(".next", "server", "app")).filter((file) => /\.(html|rsc|body|meta|segment\.rsc)$/.test(file));
  const files = [...filesUnder(path.join(".next", "static")), ...prerendered];
  expect(files.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(10);
  const leaks = files.flatMap((file) => canariesIn(fs.readFileSync(file)).map((value) => `${file}: ${value}`));
  expect(leaks).toEqual([]);
  console.log(`scanned ${files.length} client files (${prerendered.length} prerendered) for ${CANARY_VALUES.length} canaries: none found`);
});

test("no page or reply of either app holds a secret", async ({ request }) => {
  let scanned = 0;
  for (const base of [offlineURL, llmURL]) {
    const started = await request.post(`${base}/api/interviews`, { data: { questionCount: 1 } });
    expect(started.status()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const reply = await request.post(`${base}/api/interviews/${id}/messages`, { data: { clientMessageId: "canary-1", text: "The gradient of the loss updates the weights." } });
    const targets = ["/", "/library", "/history", "/questions", "/documents/view?path=content%2Fdeep-learning-common-problems.txt", "/no-such-page", `/interview/${id}`, "/api/health", `/api/interviews/${id}`, `/api/interviews/${id}/summary.md`];
    const bodies = [await reply.text()];
    for (const target of targets) {
      const response = await request.get(`${base}${target}`);
      bodies.push(await response.text(), JSON.stringify(response.headers()));
    }
    for (const body of bodies) expect(canariesIn(body), base).toEqual([]);
    scanned += bodies.length;
  }
  console.log(`scanned ${scanned} responses of both apps: no canary`);
});

test("the shared app, whose sign-in cookies the canary secret signs, never sends it either", async ({ page }) => {
  await page.goto(`${sharedURL}/sign-in`);
  await page.getByLabel("Name").fill("bob");
  await page.getByLabel("Password").fill("bob-password-e2e");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Signed in as bob")).toBeVisible();
  const bodies: string[] = [await page.content(), JSON.stringify(await page.context().cookies())];
  for (const target of ["/", "/library", "/history", "/questions", "/sign-in", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/health"]) {
    const response = await page.request.get(`${sharedURL}${target}`);
    bodies.push(await response.text(), JSON.stringify(response.headers()));
  }
  for (const body of bodies) expect(canariesIn(body)).toEqual([]);
  console.log(`scanned ${bodies.length} responses and the cookies of the shared app: no canary`);
});
