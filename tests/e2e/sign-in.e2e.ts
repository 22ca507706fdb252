import { expect, test, type Browser, type Page } from "@playwright/test";
import { sharedURL } from "./support/servers";

// The app shared by several people (sign-in required, as when it listens beyond loopback), in a
// real Chromium: nobody gets in without signing in, and a second person gets not-found for
// everything of the first one's: interviews (page and every API route), history and documents.

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const PRIVATE_DOCUMENT = "alice-private-okapi-notes.md";
const PRIVATE_NOTES = `# Alice's okapi notes

1. What is an okapi gradient?

An okapi gradient is a gradient only Alice has written about.
`;

async function signIn(page: Page, name: string, password = `${name}-password-e2e`) {
  await page.goto(`${sharedURL}/sign-in`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Password").press("Enter");
}

async function newPerson(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, name);
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
  return page;
}

/** Every route of the API that reads or changes an interview or a document, as [method, path, body]. */
function interviewRoutes(id: string): [string, string, string | undefined][] {
  return [
    ["GET", `/api/interviews/${id}`, undefined],
    ["POST", `/api/interviews/${id}/messages`, JSON.stringify({ clientMessageId: "e2e-intruder", text: "hint" })],
    ["POST", `/api/interviews/${id}/end`, undefined],
    ["GET", `/api/interviews/${id}/summary.md`, undefined],
  ];
}

test("nobody gets in without signing in: pages go to sign-in, API routes answer 401", async ({ page, request }) => {
  await page.goto(`${sharedURL}/history`);
  await expect(page).toHaveURL(`${sharedURL}/sign-in?callbackUrl=%2Fhistory`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/sign-in.png", fullPage: true });
  for (const path of ["/", "/library", "/questions", `/interview/${UNKNOWN}`, "/documents/view?path=content/deep-learning-common-problems.txt"]) {
    await page.goto(`${sharedURL}${path}`);
    await expect(page, path).toHaveURL(/\/sign-in\?callbackUrl=/);
  }
  const routes: [string, string, string | undefined][] = [["POST", "/api/interviews", JSON.stringify({ topics: [], questionCount: 1, style: "neutral", voice: false, dueOnly: false })], ["POST", "/api/documents", undefined], ...interviewRoutes(UNKNOWN)];
  for (const [method, path, body] of routes) {
    const response = await request.fetch(`${sharedURL}${path}`, { method, data: body, headers: body ? { "content-type": "application/json" } : {} });
    expect(response.status(), `${method} ${path}`).toBe(401);
    expect((await response.json()).error.message, `${method} ${path}`).toMatch(/sign in/i);
  }
  // Load balancers still get their answer.
  expect((await request.get(`${sharedURL}/api/health`)).status()).toBe(200);
});

test("a wrong password is refused with a clear message; a right one returns to the page asked for", async ({ page }) => {
  await page.goto(`${sharedURL}/history`);
  await page.getByLabel("Name").fill("alice");
  await page.getByLabel("Password").fill("not-her-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That name and password do not match. Check both and try again." })).toBeVisible();
  await page.getByLabel("Password").fill("alice-password-e2e");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${sharedURL}/history`);
  await expect(page.getByText("Signed in as alice")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${sharedURL}/history`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("guessing one name's password is stopped after 10 attempts, with when to try again", async ({ page }) => {
  await page.goto(`${sharedURL}/sign-in`);
  await page.getByLabel("Name").fill("mallory");
  const alert = page.getByRole("alert").filter({ hasText: /do not match|Too many/ });
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("Password").fill(`guess-number-${attempt}`);
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(alert).toHaveText("That name and password do not match. Check both and try again.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill("guess-number-11");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText(/^Too many sign-in attempts for this name: try again in 1[45] minutes\.$/);
});

test("a second person gets not-found for the first one's interview, history and documents", async ({ browser }) => {
  const alice = await newPerson(browser, "alice");
  await alice.goto(`${sharedURL}/`);
  await alice.getByLabel("Number of questions").fill("2");
  await alice.getByRole("button", { name: "Start interview" }).click();
  await alice.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
  const id = alice.url().split("/").at(-1)!;
  const box = alice.getByRole("textbox", { name: "Your answer" });
  await box.fill("Alice's answer: it prevents overfitting by adding a penalty.");
  await box.press("Enter");
  await expect(alice.getByRole("region", { name: "Feedback" })).toBeVisible();

  await alice.goto(`${sharedURL}/library`);
  await alice.getByLabel("Add documents", { exact: true }).setInputFiles([{ name: PRIVATE_DOCUMENT, mimeType: "text/markdown", buffer: Buffer.from(PRIVATE_NOTES) }]);
  await alice.getByRole("button", { name: "Upload" }).click();
  await expect(alice.getByText(/1 document added|Added 1/i).first()).toBeVisible();
  await alice.goto(`${sharedURL}/library?q=okapi`);
  const heading = alice.getByRole("heading", { name: new RegExp(PRIVATE_DOCUMENT) });
  await expect(heading).toBeVisible();
  const documentPath = (await heading.textContent())!.trim();
  expect(documentPath).toMatch(/^content\/uploads\/people\/[0-9a-f-]{36}\//);

  const bob = await newPerson(browser, "bob");
  const response = await bob.goto(`${sharedURL}/interview/${id}`);
  expect(response?.status()).toBe(404);
  for (const [method, path, body] of interviewRoutes(id)) {
    const answer = await bob.request.fetch(`${sharedURL}${path}`, { method, data: body, headers: body ? { "content-type": "application/json" } : {} });
    expect(answer.status(), `${method} ${path}`).toBe(404);
  }
  await bob.goto(`${sharedURL}/history`);
  await expect(bob.getByRole("heading", { name: "No interviews yet" })).toBeVisible();
  await bob.goto(`${sharedURL}/library?q=okapi`);
  await expect(bob.getByRole("heading", { name: new RegExp(PRIVATE_DOCUMENT) })).toHaveCount(0);
  expect((await bob.goto(`${sharedURL}/documents/view?path=${encodeURIComponent(documentPath)}`))?.status()).toBe(404);
  await bob.screenshot({ path: "test-results/screenshots/second-person-not-found.png", fullPage: true });

  // Bob's attempts changed nothing of Alice's: her interview still has her one answer.
  const view = await (await alice.request.get(`${sharedURL}/api/interviews/${id}`)).json();
  expect(view.messages.filter((message: { role: string }) => message.role === "candidate")).toHaveLength(1);
  expect(view.status).toBe("active");

  // Alice removes her document again (the file lives in content/uploads/people/<her id>/).
  await alice.goto(`${sharedURL}/library?q=okapi`);
  const section = alice.locator("section.library-document", { has: alice.getByRole("heading", { name: documentPath, exact: true }) });
  await section.getByText("Remove…").click();
  await section.getByRole("button", { name: `Remove ${documentPath}` }).click();
  // Removing rewrites the search statistics in one transaction: slower than a page load on a busy machine.
  await expect(alice.getByText(`Removed ${documentPath} and its questions.`)).toBeVisible({ timeout: 20_000 });
});
