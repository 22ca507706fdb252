import { expect, test, type Page } from "@playwright/test";

// Browser-side behaviour of the interview page that needs no particular engine reply: speech in
// and out (faked where Chromium has none), sending exactly once, and failures that keep the text.

async function start(page: Page, { voice = false } = {}) {
  await page.goto("/");
  await page.getByLabel("Number of questions").fill("3");
  if (voice) await page.getByRole("checkbox", { name: "Read questions aloud" }).check();
  await page.getByRole("button", { name: "Start interview" }).click();
  await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("textbox", { name: "Your answer" })).toBeEnabled();
}

const fakeRecognition = `
  window.__recognitions = 0;
  window.SpeechRecognition = window.webkitSpeechRecognition = class {
    constructor() { this.onresult = null; this.onend = null; this.onerror = null; window.__recognitions++; }
    start() {
      setTimeout(() => this.onresult?.({ resultIndex: 0, results: [Object.assign([{ transcript: "um the weights" }], { isFinal: true })] }), 50);
      setTimeout(() => this.onresult?.({ resultIndex: 0, results: [Object.assign([{ transcript: "um the weights" }], { isFinal: true }), Object.assign([{ transcript: " move against the gradient" }], { isFinal: false })] }), 100);
    }
    stop() { setTimeout(() => this.onend?.(), 10); }
    abort() { this.onend?.(); }
  };`;

const fakeSynthesis = `
  window.__spoken = [];
  window.__cancelled = 0;
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  Object.defineProperty(window, "speechSynthesis", { value: { speak: (u) => window.__spoken.push(u.text), cancel: () => window.__cancelled++ } });`;

test("speaking fills the answer box, and the answer is sent as spoken with its duration", async ({ page }) => {
  await page.addInitScript(fakeRecognition);
  await start(page);
  const box = page.getByRole("textbox", { name: "Your answer" });
  await box.fill("So");
  await page.getByRole("button", { name: "Start speaking" }).click();
  await expect(box).toHaveValue("So um the weights move against the gradient");
  await page.getByRole("button", { name: "Stop speaking" }).click();
  await expect(page.getByRole("button", { name: "Start speaking" })).toBeVisible();
  await box.press("End");
  await box.pressSequentially(" of the loss");
  const request = page.waitForRequest((r) => r.url().endsWith("/messages"));
  await page.getByRole("button", { name: "Send" }).click();
  const body = (await request).postDataJSON() as { text: string; spoken?: boolean; durationMs?: number };
  expect(body.text).toBe("So um the weights move against the gradient of the loss");
  expect(body.spoken).toBe(true);
  expect(body.durationMs).toBeGreaterThan(0);
  await expect(box).toHaveValue("");
  await expect(page.getByRole("log", { name: "Interview" }).locator(".candidate").last()).toContainText("(spoken)");
  await page.screenshot({ path: "test-results/screenshots/interview-spoken.png", fullPage: true });
});

test("without speech recognition the microphone is off and says why", async ({ page }) => {
  await page.addInitScript("delete window.webkitSpeechRecognition; delete window.SpeechRecognition;");
  await start(page);
  await expect(page.getByRole("button", { name: "Start speaking" })).toBeDisabled();
  await expect(page.getByText(/this browser has no speech recognition/)).toBeVisible();
});

test("voice on: questions are read aloud, replayed and stopped", async ({ page }) => {
  await page.addInitScript(fakeSynthesis);
  await start(page, { voice: true });
  // The question is read aloud: its last word is spoken (not every question ends with "?").
  const question = await page.locator(".kind-question").first().innerText();
  const lastWord = question.match(/[\p{L}\p{N}]+(?=[^\p{L}\p{N}]*$)/u)![0];
  await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.join(" "))).toContain(lastWord);
  const before = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.length);
  await page.getByRole("button", { name: "Replay question" }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.length)).toBeGreaterThan(before);
  await page.getByRole("button", { name: "Stop reading" }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __cancelled: number }).__cancelled)).toBeGreaterThan(0);
});

test("voice on without speechSynthesis: nothing breaks, the buttons say so", async ({ page }) => {
  await page.addInitScript("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await start(page, { voice: true });
  await expect(page.getByRole("button", { name: "Replay question" })).toBeDisabled();
  await expect(page.getByText("This browser cannot read aloud")).toBeVisible();
  expect(errors).toEqual([]);
});

test("a double click sends one message", async ({ page }) => {
  await start(page);
  let posts = 0;
  page.on("request", (r) => r.url().endsWith("/messages") && r.method() === "POST" && posts++);
  await page.getByRole("textbox", { name: "Your answer" }).fill("Gradient descent moves the weights against the gradient.");
  await page.getByRole("button", { name: "Send" }).dblclick();
  await expect(page.getByRole("region", { name: "Feedback" })).toHaveCount(1);
  await page.waitForTimeout(500);
  expect(posts).toBe(1);
});

test("a failed send keeps the text and says why, and focus returns to the box", async ({ page }) => {
  await start(page);
  await page.route("**/messages", (route) => route.fulfill({ status: 503, json: { error: { code: "unavailable", message: "The database is not answering." } } }));
  const box = page.getByRole("textbox", { name: "Your answer" });
  await box.fill("my careful answer");
  await box.press("Enter");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The database is not answering.");
  await expect(box).toHaveValue("my careful answer");
  await expect(box).toBeFocused();
  await page.unroute("**/messages");
  await box.press("Enter");
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await expect(box).toHaveValue("");
});

test("on a phone the interview fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await start(page);
  await page.getByRole("textbox", { name: "Your answer" }).fill("Backpropagation computes gradients layer by layer.");
  await page.getByRole("textbox", { name: "Your answer" }).press("Enter");
  await expect(page.getByRole("region", { name: "Feedback" })).toHaveCount(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/interview-phone.png", fullPage: true });
  await page.goto("/");
  await page.screenshot({ path: "test-results/screenshots/home-phone.png", fullPage: true });
  await page.goto("/library");
  console.log(await page.evaluate(() => [...document.querySelectorAll("main *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).join("\n")));
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/library-phone.png", fullPage: true });
});

test("an unknown or malformed interview id is a missing page", async ({ page }) => {
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
    const response = await page.goto(`/interview/${id}`);
    expect(response?.status(), id).toBe(404);
  }
});
