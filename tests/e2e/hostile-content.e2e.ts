import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

// Markup planted in a study document and typed as an answer must show as text and never run, in
// every place the app renders it: the library (reference answers as Markdown), the document
// viewer (lines as text), a feedback card's reference answer (Markdown again) and the interview
// log (the answer as typed). Each attack sets window.__pwned and opens a dialog if it runs.

const DOCUMENT = "content/uploads/e2e-okapi-hostile.md";

const ATTACKS = [
  `<script>window.__pwned = "script"; alert("script")</script>`,
  `<img src=x onerror="window.__pwned = 'img'; alert('img')">`,
  `<svg onload="window.__pwned = 'svg'; alert('svg')"></svg>`,
  `<iframe src="javascript:window.__pwned = 'iframe'; alert('iframe')"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned = 'srcdoc'; alert('srcdoc')</script>"></iframe>`,
  `<object data="javascript:alert('object')"></object>`,
  `<a href="javascript:window.__pwned = 'html-link'; alert('html-link')">an html link</a>`,
  `<a href="JaVaScRiPt:alert('case')">a mixed-case link</a>`,
  `[a markdown javascript link](javascript:window.__pwned='md-link';alert('md-link'))`,
  `[an obfuscated link](jav&#x09;ascript:alert('tab'))`,
  `[a data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![an image](javascript:alert('md-img'))`,
  `![a data image](data:image/svg+xml,<svg onload=alert('data-img')>)`,
  `&lt;img src=x onerror=alert('escaped')&gt; &lt;script&gt;alert('escaped')&lt;/script&gt;`,
].join(" and ");

const hostileNotes = `# Okapi security notes

## Okapi hostility

1. What is an okapi injection?

An okapi injection hides code in study notes: ${ATTACKS}. A [safe link](https://example.com/okapi) stays a link.

## Okapi defence

2. How does an okapi layer defend a page?

An okapi layer escapes every tag it meets: ${ATTACKS}.
`;

declare global {
  interface Window {
    __pwned?: string;
  }
}

const dialogs: string[] = [];

test.beforeEach(({ page }) => {
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
});

/** Nothing ran, no script-bearing element or URL made it into the page. */
async function expectInert(page: Page, where: string) {
  expect(dialogs, `${where}: dialogs`).toEqual([]);
  expect(await page.evaluate(() => window.__pwned), `${where}: window.__pwned`).toBeUndefined();
  const main = page.getByRole("main");
  await expect(main.locator("script, iframe, object, embed, img, svg[onload]"), `${where}: active elements`).toHaveCount(0);
  await expect(main.locator("[onerror], [onload], [onclick], [srcdoc]"), `${where}: event handlers`).toHaveCount(0);
  const urls = await page.locator("[href], [src], [data]").evaluateAll((elements) =>
    elements.flatMap((element) => ["href", "src", "data"].map((name) => element.getAttribute(name) ?? "")).filter(Boolean),
  );
  expect(urls.filter((url) => /^\s*(javascript|data|vbscript):/i.test(url.replace(/[\u0000-\u0020]/g, ""))), `${where}: script URLs`).toEqual([]);
}

async function removeUpload(page: Page) {
  await page.goto("/library");
  const section = page.locator("section.library-document", { has: page.getByRole("heading", { name: DOCUMENT, exact: true }) });
  if ((await section.count()) === 0) return;
  await section.getByText("Remove…").click();
  await section.getByRole("button", { name: `Remove ${DOCUMENT}` }).click();
  await expect(page.getByText(`Removed ${DOCUMENT} and its questions.`)).toBeVisible();
}

test.describe("hostile content is shown, never run", () => {
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await removeUpload(page);
    await page.close();
    await fs.rm(path.resolve(DOCUMENT), { force: true });
  });

  test("in an uploaded document: the library, the document viewer and a feedback card's reference answer", async ({ page }) => {
    await page.goto("/library");
    await page.getByLabel("Add documents", { exact: true }).setInputFiles([{ name: "e2e-okapi-hostile.md", mimeType: "text/markdown", buffer: Buffer.from(hostileNotes) }]);
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("status")).toContainText("1 document added");

    // The library renders each reference answer as Markdown.
    const section = page.locator("section.library-document", { has: page.getByRole("heading", { name: DOCUMENT, exact: true }) });
    await section.getByText("What is an okapi injection?", { exact: true }).click();
    await section.getByText("How does an okapi layer defend a page?", { exact: true }).click();
    await expect(section.getByText("a markdown javascript link").first()).toBeVisible();
    await expect(section.getByRole("link", { name: "safe link" })).toHaveAttribute("href", "https://example.com/okapi");
    await expect(section.getByRole("link", { name: "a markdown javascript link" })).toHaveCount(0);
    await expectInert(page, "library");

    // The document viewer shows the raw lines as text.
    await page.goto(`/documents/view?path=${encodeURIComponent(DOCUMENT)}&line=7`);
    await expect(page.locator("#L7")).toContainText(`<script>window.__pwned = "script"; alert("script")</script>`);
    await expect(page.locator("#L7")).toContainText(`<img src=x onerror="window.__pwned = 'img'; alert('img')">`);
    await page.screenshot({ path: "test-results/screenshots/hostile-document-view.png", fullPage: true });
    await expectInert(page, "document viewer");

    // An interview on the document's topics shows the reference answer on the feedback card.
    await page.goto("/");
    await page.getByRole("checkbox", { name: /Okapi hostility/ }).check();
    await page.getByRole("checkbox", { name: /Okapi defence/ }).check();
    await page.getByLabel("Number of questions").fill("1");
    await page.getByRole("button", { name: "Start interview" }).click();
    await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("log", { name: "Interview" })).toContainText(/okapi/i);
    await answer(page, "An okapi injection hides code in notes, and an okapi layer escapes every tag it meets.");
    const feedback = page.getByRole("region", { name: "Feedback" }).first();
    await feedback.getByRole("button", { name: "Show reference answer" }).click();
    await expect(feedback.getByText("a markdown javascript link").first()).toBeVisible();
    await expect(feedback.getByRole("link", { name: "a markdown javascript link" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/hostile-reference-answer.png", fullPage: true });
    await expectInert(page, "feedback card");
  });

  test("typed as an answer: the interview log and the feedback show it as text", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Number of questions").fill("1");
    await page.getByRole("button", { name: "Start interview" }).click();
    await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
    const typed = `The gradient of the loss updates the weights. ${ATTACKS}`;
    await answer(page, typed);
    const log = page.getByRole("log", { name: "Interview" });
    await expect(log).toContainText(`<script>window.__pwned = "script"; alert("script")</script>`);
    await expect(log).toContainText(`[a markdown javascript link](javascript:window.__pwned='md-link';alert('md-link'))`);
    await expect(page.getByRole("region", { name: "Feedback" }).first()).toContainText("/ 5");
    await expectInert(page, "interview log");
    // And again after a reload, rendered by the server this time.
    await page.reload();
    await expect(page.getByRole("log", { name: "Interview" })).toContainText(`<svg onload="window.__pwned = 'svg'; alert('svg')"></svg>`);
    await expectInert(page, "interview log after reload");
  });
});

async function answer(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: "Your answer" });
  await expect(box).toBeEnabled();
  await box.fill(text);
  await box.press("Enter");
  await expect(page.getByRole("region", { name: "Feedback" }).first()).toContainText("/ 5");
  await expect(box).toBeEnabled();
}
