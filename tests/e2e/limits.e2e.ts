import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { LIMITS_RATE, limitsURL, offlineURL } from "./support/servers";

// Every limit refuses with its HTTP status and a reason the page shows: answer length (413),
// message rate (429 with Retry-After, on the limits app where it is 2 a minute), and uploads:
// type sniffed from content (415), too many documents or too large (413), unreadable (400),
// names with paths in them (written under content/uploads only).

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const NOTES = (subject: string) => `# ${subject}\n\n1. What is a ${subject}?\n\nA ${subject} is a layer that tests limits.\n`;
const ADDED = ["content/uploads/e2e-limits-good.md", "content/uploads/e2e-escape.md", "content/uploads/e2e-windows.md"];

async function startInterview(page: Page, base: string) {
  await page.goto(`${base}/`);
  await page.getByLabel("Number of questions").fill("1");
  await page.getByRole("button", { name: "Start interview" }).click();
  await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("textbox", { name: "Your answer" })).toBeEnabled();
}

async function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.goto(`${offlineURL}/library`);
  await page.getByLabel("Add documents", { exact: true }).setInputFiles(files);
  await page.getByRole("button", { name: "Upload" }).click();
}

async function removeUpload(page: Page, document: string) {
  await page.goto(`${offlineURL}/library`);
  const section = page.locator("section.library-document", { has: page.getByRole("heading", { name: document, exact: true }) });
  if ((await section.count()) === 0) return;
  await section.getByText("Remove…").click();
  await section.getByRole("button", { name: `Remove ${document}` }).click();
  await expect(page.getByText(`Removed ${document} and its questions.`)).toBeVisible();
}

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  for (const document of ADDED) await removeUpload(page, document);
  await page.close();
  for (const document of ADDED) await fs.rm(path.resolve(document), { force: true });
});

test("an answer over MAX_ANSWER_CHARS is refused with 413, and the page says the limit", async ({ page, request }) => {
  await startInterview(page, offlineURL);
  const box = page.getByRole("textbox", { name: "Your answer" });
  await box.fill("a".repeat(20_001));
  await box.press("Enter");
  const message = "The message is 20,001 characters long; the limit is 20,000 (MAX_ANSWER_CHARS). Shorten it and send again.";
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);
  await page.screenshot({ path: "test-results/screenshots/limits-answer-too-long.png", fullPage: true });

  const id = page.url().split("/").pop()!;
  const response = await request.post(`${offlineURL}/api/interviews/${id}/messages`, { data: { clientMessageId: "too-long-1", text: "b".repeat(20_001) } });
  expect(response.status()).toBe(413);
  expect(await response.json()).toEqual({ error: { code: "payload_too_large", message } });
});

test("over the message rate: 429 with Retry-After, and both the interview page and the start form say when to try again", async ({ page, request }) => {
  // The limits app allows LIMITS_RATE (2) a minute for starts and messages together; this test
  // alone uses it, and a test lasts under a minute, so its own requests fill the window.
  await startInterview(page, limitsURL); // 1
  const box = page.getByRole("textbox", { name: "Your answer" });
  await box.fill("The gradient tells each weight how to change.");
  await box.press("Enter"); // 2
  await expect(page.getByRole("region", { name: "Feedback" }).first()).toContainText("/ 5");
  await box.fill("And the learning rate sets the size of the step.");
  await box.press("Enter"); // 3: refused
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText(`Too many messages: the limit is ${LIMITS_RATE} a minute (RATE_LIMIT_MESSAGES_PER_MINUTE). Try again in `);
  await page.screenshot({ path: "test-results/screenshots/limits-rate-interview.png", fullPage: true });

  for (const [url, data] of [
    [`${limitsURL}/api/interviews`, { questionCount: 1 }],
    [`${limitsURL}/api/interviews/${page.url().split("/").pop()}/messages`, { clientMessageId: "rate-1", text: "hello" }],
  ] as const) {
    const response = await request.post(url, { data });
    expect(response.status(), url).toBe(429);
    const seconds = Number(response.headers()["retry-after"]);
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60, `Retry-After ${seconds}`).toBe(true);
    const body = await response.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toContain(seconds === 1 ? "Try again in a second." : `Try again in ${seconds} seconds.`);
  }

  await page.goto(`${limitsURL}/`);
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many messages: the limit is 2 a minute");
  await page.screenshot({ path: "test-results/screenshots/limits-rate-start.png", fullPage: true });
});

test("a document whose content is not what its name says is refused with 415, naming what it is", async ({ page, request }) => {
  await upload(page, [{ name: "e2e-fake-notes.md", mimeType: "text/markdown", buffer: PNG }]);
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("One document was not added");
  await expect(alert).toContainText("e2e-fake-notes.md: This document is named .md but its content is a PNG image, not text");
  await expect(page.getByRole("status")).toHaveText("0 documents added.");
  await page.screenshot({ path: "test-results/screenshots/limits-upload-sniffed.png", fullPage: true });

  await upload(page, [{ name: "e2e-fake-paper.pdf", mimeType: "application/pdf", buffer: Buffer.from(NOTES("fake paper")) }]);
  await expect(alert).toContainText("e2e-fake-paper.pdf: This document is named .pdf but its content is not a PDF (it is text).");

  const response = await request.post(`${offlineURL}/api/documents`, { multipart: { files: { name: "e2e-fake.txt", mimeType: "text/plain", buffer: ZIP } } });
  expect(response.status()).toBe(415);
  expect(await response.json()).toMatchObject({ error: { code: "unsupported_media_type" }, errors: [{ document: "e2e-fake.txt", message: expect.stringContaining("its content is a ZIP archive") }] });
  for (const name of ["e2e-fake-notes.md", "e2e-fake-paper.pdf", "e2e-fake.txt"]) await expect(fs.stat(path.resolve("content/uploads", name))).rejects.toThrow();
});

test("a good document goes in beside a refused one, each reported", async ({ page }) => {
  await upload(page, [
    { name: "e2e-limits-good.md", mimeType: "text/markdown", buffer: Buffer.from(NOTES("gnu layer")) },
    { name: "e2e-limits-archive.txt", mimeType: "text/plain", buffer: ZIP },
  ]);
  await expect(page.getByRole("status")).toContainText("1 document added");
  await expect(page.getByRole("main").getByRole("alert").getByRole("listitem")).toHaveText("e2e-limits-archive.txt: This document is named .txt but its content is a ZIP archive, not text: add Markdown, HTML, plain text or PDF documents (.md, .markdown, .html, .htm, .txt, .pdf).");
  await expect(page.getByRole("heading", { name: ADDED[0], exact: true })).toBeVisible();
  await removeUpload(page, ADDED[0]!);
});

test("too many documents (413), too large (413), nothing or no form (400)", async ({ page, request }) => {
  const files = Array.from({ length: 21 }, (_, index) => ({ name: `e2e-many-${index}.md`, mimeType: "text/markdown", buffer: Buffer.from(NOTES(`many ${index}`)) }));
  await upload(page, files);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That is 21 documents; add at most 20 at a time (MAX_DOCUMENTS_PER_UPLOAD).");
  await expect(fs.stat(path.resolve("content/uploads/e2e-many-0.md"))).rejects.toThrow();

  const many = await request.post(`${offlineURL}/api/documents`, { multipart: formWith(files) });
  expect(many.status()).toBe(413);

  const big = await request.post(`${offlineURL}/api/documents`, { multipart: formWith([{ name: "e2e-big.md", mimeType: "text/markdown", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, "a") }]) });
  expect(big.status()).toBe(413);
  expect((await big.json()).errors).toEqual([{ document: "e2e-big.md", message: "The document is 10.0 MB; the limit is 10 MB (INGEST_MAX_DOCUMENT_MB)." }]);

  const empty = await request.post(`${offlineURL}/api/documents`, { multipart: new FormData() });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error.message).toBe("Choose at least one document to add.");
  const notForm = await request.post(`${offlineURL}/api/documents`, { data: { files: [] } });
  expect(notForm.status()).toBe(400);
  expect((await notForm.json()).error.message).toBe("Send the documents as multipart/form-data in a field named files.");
});

test("names with paths are written under content/uploads only", async ({ request }) => {
  const response = await request.post(`${offlineURL}/api/documents`, {
    multipart: formWith([
      { name: "../../e2e-escape.md", mimeType: "text/markdown", buffer: Buffer.from(NOTES("escape hatch")) },
      { name: "C:\\Windows\\e2e-windows.md", mimeType: "text/markdown", buffer: Buffer.from(NOTES("window pane")) },
    ]),
  });
  expect(response.status()).toBe(200);
  const done = (await response.text()).trim().split("\n").map((line) => JSON.parse(line)).find((event) => event.type === "done");
  expect(done.summary.added).toEqual([ADDED[1], ADDED[2]]);
  await expect(fs.stat(path.resolve(ADDED[1]!))).resolves.toBeTruthy();
  for (const outside of ["../e2e-escape.md", "../../e2e-escape.md", "content/e2e-escape.md"]) await expect(fs.stat(path.resolve(outside))).rejects.toThrow();
});

function formWith(files: { name: string; mimeType: string; buffer: Buffer }[]): FormData {
  const form = new FormData();
  for (const file of files) form.append("files", new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }), file.name);
  return form;
}
