import { expect, test, type Page } from "@playwright/test";
import { llmURL, offlineURL } from "./support/servers";

// The whole journey in a real Chromium, in both modes: no LLM (template interviewer, offline
// grader) and an OpenAI-compatible test server with recorded replies
// (tests/fixtures/openai-server/interview-cli.ts). Screenshots are kept in test-results/screenshots/.

const LLM_INTERVIEWER_LINE = "Thanks, that helps me see how you think.";
const LLM_FEEDBACK = "The LLM grader says";

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

async function startInterview(page: Page, base: string, { questions, style }: { questions: number; style: RegExp }) {
  await page.goto(`${base}/`);
  await page.getByLabel("Number of questions").fill(String(questions));
  await page.getByRole("radio", { name: style }).check();
  await page.getByRole("button", { name: "Start interview" }).click();
  await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("textbox", { name: "Your answer" })).toBeEnabled();
}

/** Sends a message with the keyboard, as a person would, and waits for the reply to be stored. */
async function say(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: "Your answer" });
  await box.fill(text);
  const replied = page.waitForResponse((response) => /\/api\/interviews\/[^/]+\/messages$/.test(response.url()) && response.request().method() === "POST");
  await box.press("Enter");
  // Not response.finished(): Chromium reports a body read through a stream reader as aborted at
  // times, though the page read it all. The page says when the turn is done.
  await replied;
  await expect(box).toBeEnabled();
  await expect(box).toBeFocused();
}

test.beforeEach(async ({ page }) => {
  // Nothing in a document or an answer may ever run as script.
  page.on("dialog", (dialog) => {
    throw new Error(`a script ran and opened a dialog: ${dialog.message()}`);
  });
});

test("offline: start, answer by keyboard, feedback, hint, clarify, reload, skip, end and export", async ({ page }) => {
  await page.goto(`${offlineURL}/`);
  await expect(page.getByText(/offline/i).first()).toBeVisible();
  await shoot(page, "home");
  await startInterview(page, offlineURL, { questions: 2, style: /tough/i });
  const log = page.getByRole("log", { name: "Interview" });
  // Not every question ends with "?" ("True/false: …."): the interviewer's question message is there.
  await expect(log).toContainText("Interviewer · Question");
  await shoot(page, "interview-question");

  // Shift+Enter breaks the line instead of sending.
  const box = page.getByRole("textbox", { name: "Your answer" });
  await box.fill("first line");
  await box.press("Shift+Enter");
  await box.pressSequentially("second line");
  await expect(box).toHaveValue("first line\nsecond line");

  await page.getByRole("button", { name: "Hint" }).click();
  await expect(log.locator(".kind-hint")).toHaveCount(1);

  await say(page, "um so basically, you know, it is about the weights and the gradient of the loss, uh, during training of the network <script>alert('x')</script>");
  const feedback = page.getByRole("region", { name: "Feedback" }).first();
  await expect(feedback).toContainText(/\b\d(\.5)? \/ 5\b/);
  await expect(feedback).toContainText(/filler/i);
  await expect(log).toContainText("<script>alert('x')</script>");
  await feedback.getByRole("button", { name: "Show reference answer" }).click();
  await expect(feedback.getByRole("link", { name: /content\// }).first()).toBeVisible();
  await shoot(page, "interview-feedback");

  await say(page, "why didn't that count?");
  await expect(log.locator(".kind-explanation")).toHaveCount(1);
  await say(page, "what do you mean by gradient descent?");
  await expect(log.locator(".kind-clarification")).toHaveCount(1);

  // A reload mid-interview shows everything so far and carries on.
  const before = await log.locator("li").count();
  await page.reload();
  await expect(page.getByRole("log", { name: "Interview" }).locator("li")).toHaveCount(before);
  await expect(page.getByRole("region", { name: "Feedback" }).first()).toContainText("/ 5");
  await shoot(page, "interview-after-reload");

  // Skip whatever is left (follow-ups and the second question) until the interviewer closes.
  for (let turn = 0; turn < 5 && (await log.locator(".kind-closing").count()) === 0; turn++) {
    const replied = page.waitForResponse((response) => response.url().endsWith("/messages"));
    await page.getByRole("button", { name: "Skip question" }).click();
    await replied;
    await expect(page.getByRole("textbox", { name: "Your answer" })).toBeEnabled();
  }
  await expect(log.locator(".kind-closing")).toHaveCount(1);

  await page.getByRole("button", { name: "End interview" }).click();
  const summary = page.getByRole("region", { name: "Session summary" });
  await expect(summary).toContainText(/average/i);
  await expect(summary).toContainText("/ 5");
  await shoot(page, "session-summary");
  const [download] = await Promise.all([page.waitForEvent("download"), summary.getByRole("link", { name: "Export as Markdown" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);

  await page.goto(`${offlineURL}/history`);
  await expect(page.getByRole("main")).toContainText(/\/ 5|average/i);
  await shoot(page, "history");
});

test("offline: the interview works with the keyboard alone", async ({ page }) => {
  await startInterview(page, offlineURL, { questions: 1, style: /friendly/i });
  const box = page.getByRole("textbox", { name: "Your answer" });
  await box.focus();
  await say(page, "I don't know");
  await expect(page.getByRole("region", { name: "Feedback" }).first()).toContainText("0 / 5");
  // Tab reaches the Send button from the answer box.
  await box.fill("anything");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Send" })).toBeFocused();
});

test("LLM mode: streamed interviewer and the LLM's grade", async ({ page }) => {
  await page.goto(`${llmURL}/`);
  await expect(page.getByText(/test-model/).first()).toBeVisible();
  await startInterview(page, llmURL, { questions: 2, style: /neutral/i });
  const log = page.getByRole("log", { name: "Interview" });
  await expect(log).toContainText(LLM_INTERVIEWER_LINE);
  // The question itself is always there, even when the LLM's turn forgot it.
  await expect(log.locator(".kind-question")).toHaveCount(1);

  await say(page, "It updates the weights against the gradient of the loss, one mini-batch at a time, until the loss stops falling.");
  const first = page.getByRole("region", { name: "Feedback" }).first();
  await expect(first).toContainText("/ 5");
  await expect(first).toContainText(LLM_FEEDBACK);
  await shoot(page, "llm-feedback");

  await page.getByRole("button", { name: "Skip question" }).click();
  await expect(log.locator(".kind-question")).toHaveCount(2);
});
