import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

// Documents this file uploads: each test removes what it adds (through the page, as a person
// would), so later files still see exactly the five seed documents of content/.
const ZEBRA = "content/uploads/e2e-zebra-notes.md";
const HOSTILE = "content/uploads/e2e-hostile-notes.md";

const zebraNotes = `# Zebra networks

1. What is a zebra network?

A zebra network stripes its hidden units so that alternate layers share weights.

2. Why do zebra networks train quickly?

Because the striped layers halve the number of parameters to learn.
`;

// The entity-escaped tag survives ingestion as the literal text <script>...</script>; the raw
// tags on line 5 stay in the document itself, which the viewer shows line by line.
const hostileNotes = `# Hostile notes

1. What does a script tag do in an okapi page?

It runs code: &lt;script&gt;alert("pwned")&lt;/script&gt; and <script>alert(2)</script><img src=x onerror=alert(3)> as text.

2. What is an okapi layer?

An okapi layer is a layer that nobody has heard of.
`;

async function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.goto("/library");
  await page.getByLabel("Add documents", { exact: true }).setInputFiles(files);
  await page.getByRole("button", { name: "Upload" }).click();
}

/** Removes an uploaded document through the library page, if it is there. */
async function removeUpload(page: Page, document: string) {
  await page.goto("/library");
  const section = page.locator("section.library-document", { has: page.getByRole("heading", { name: document, exact: true }) });
  if ((await section.count()) === 0) return;
  await section.getByText("Remove…").click();
  await section.getByRole("button", { name: `Remove ${document}` }).click();
  await expect(page.getByText(`Removed ${document} and its questions.`)).toBeVisible();
}

test.describe("library: documents and their questions", () => {
  test.afterAll(async ({ browser }) => {
    // A test that failed half-way may have left its upload behind.
    const page = await browser.newPage();
    for (const document of [ZEBRA, HOSTILE]) await removeUpload(page, document);
    await page.close();
    for (const document of [ZEBRA, HOSTILE]) await fs.rm(path.resolve(document), { force: true });
  });

  test("lists every seed document and filters questions by the search box", async ({ page }) => {
    await page.goto("/library");
    await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "content/deep-learning-common-problems.txt" })).toBeVisible();
    await expect(page.getByText("What is Deep Learning?", { exact: true }).first()).toBeVisible();

    const search = page.getByRole("searchbox", { name: "Search questions" });
    await search.fill("exploding");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/library\?q=exploding$/);
    await expect(page.getByText(/^\d+ of \d+ questions match “exploding”\.$/)).toBeVisible();
    await expect(page.getByText("What Are Vanishing and Exploding Gradients?", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("What is Deep Learning?", { exact: true })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/library-search.png", fullPage: true });

    await page.getByRole("link", { name: "Clear search" }).click();
    await expect(page.getByText("What is Deep Learning?", { exact: true }).first()).toBeVisible();
  });

  test("uploads a Markdown document with progress, then lists its questions and removes it", async ({ page }) => {
    await upload(page, [{ name: "e2e zebra notes.md", mimeType: "text/markdown", buffer: Buffer.from(zebraNotes) }]);
    const progress = page.getByRole("progressbar");
    await expect(progress).toHaveAttribute("value", "1");
    await expect(progress).toHaveAttribute("max", "1");
    await expect(page.getByText(`1 of 1: ${ZEBRA} (added)`)).toBeVisible();
    await expect(page.getByRole("status")).toContainText("1 document added");
    // Next.js keeps an empty route announcer (role alert) outside main: only the page's own alerts count.
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);

    // The list refreshes with the new document and its two questions.
    const section = page.locator("section.library-document", { has: page.getByRole("heading", { name: ZEBRA, exact: true }) });
    await expect(section.getByText("2 questions")).toBeVisible();
    await expect(section.getByText("What is a zebra network?", { exact: true })).toBeVisible();
    await expect(section.getByText("Why do zebra networks train quickly?", { exact: true })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/library-upload.png", fullPage: true });

    // The citation opens the document at the question's line.
    await section.getByText("What is a zebra network?", { exact: true }).click();
    await section.getByRole("link", { name: `${ZEBRA}, line 3` }).click();
    await expect(page).toHaveURL(/\/documents\/view\?path=content%2Fuploads%2Fe2e-zebra-notes\.md&line=3#L3$/);
    await expect(page.locator("#L3")).toHaveText("1. What is a zebra network?");
    await expect(page.locator("#L3")).toHaveClass(/cited/);

    await removeUpload(page, ZEBRA);
    await expect(page.getByRole("heading", { name: ZEBRA, exact: true })).toHaveCount(0);
    await expect(fs.stat(path.resolve(ZEBRA))).rejects.toThrow();
  });

  test("shows markup from a hostile document as text and never runs it", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await upload(page, [{ name: "e2e-hostile-notes.md", mimeType: "text/markdown", buffer: Buffer.from(hostileNotes) }]);
    await expect(page.getByRole("status")).toContainText("1 document added");

    const section = page.locator("section.library-document", { has: page.getByRole("heading", { name: HOSTILE, exact: true }) });
    await section.getByText("What does a script tag do in an okapi page?", { exact: true }).click();
    await expect(section.getByText('<script>alert("pwned")</script>')).toBeVisible();
    await expect(page.locator("script", { hasText: "pwned" })).toHaveCount(0);

    await page.goto(`/documents/view?path=${encodeURIComponent(HOSTILE)}&line=5`);
    await expect(page.locator("#L5")).toContainText('<script>alert(2)</script><img src=x onerror=alert(3)>');
    await expect(page.locator("main img")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/document-view-hostile.png", fullPage: true });
    expect(dialogs).toEqual([]);

    await removeUpload(page, HOSTILE);
  });

  test("refuses a program and an empty document, each with its own error, and keeps neither", async ({ page }) => {
    await upload(page, [
      { name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ\x90\x00\x03\x00\x00\x00") },
      { name: "e2e-empty.md", mimeType: "text/markdown", buffer: Buffer.alloc(0) },
    ]);
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("2 documents were not added");
    await expect(alert.getByRole("listitem").filter({ hasText: "setup.exe" })).toContainText("This type of file is not taken");
    await expect(alert.getByRole("listitem").filter({ hasText: "content/uploads/e2e-empty.md" })).toContainText("This document is empty.");
    await expect(page.getByRole("status")).toContainText("0 documents added");
    await page.screenshot({ path: "test-results/screenshots/library-refused.png", fullPage: true });
    await expect(fs.stat(path.resolve("content/uploads/e2e-empty.md"))).rejects.toThrow();
    await expect(fs.stat(path.resolve("content/uploads/setup.exe"))).rejects.toThrow();
  });

  test("refuses a document over the size limit, naming the limit", async ({ page }) => {
    // INGEST_MAX_DOCUMENT_MB is 10 by default: one byte more than 10 MB.
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, "a");
    await upload(page, [{ name: "e2e-too-big.md", mimeType: "text/markdown", buffer: big }]);
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("e2e-too-big.md");
    await expect(alert).toContainText("the limit is 10 MB (INGEST_MAX_DOCUMENT_MB)");
    await expect(fs.stat(path.resolve("content/uploads/e2e-too-big.md"))).rejects.toThrow();
  });

  test("the document viewer refuses paths outside the library", async ({ page }) => {
    for (const target of ["package.json", "content/../package.json", "/etc/passwd", "content/no-such-file.md"]) {
      const response = await page.goto(`/documents/view?path=${encodeURIComponent(target)}`);
      expect(response?.status(), target).toBe(404);
    }
  });
});
