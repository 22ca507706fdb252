import { expect, test, type Page } from "@playwright/test";

// Every response carries the security headers, every page a Content Security Policy with a fresh
// nonce, and the app's pages work under it in Chromium without a single violation.

const SEED_DOCUMENT = "content/deep-learning-common-problems.txt";

declare global {
  interface Window {
    __cspViolations?: string[];
    __injected?: string;
  }
}

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("no-referrer");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["permissions-policy"], where).toContain("microphone=(self)");
  expect(headers["cross-origin-opener-policy"], where).toBe("same-origin");
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, where).toContain("frame-ancestors 'none'");
  expect(policy, where).toContain("object-src 'none'");
  expect(policy, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'(;|$)/);
}

test("pages, API routes and static files carry the security headers", async ({ request }) => {
  const home = await request.get("/");
  expectSecurityHeaders(home.headers(), "/");
  const html = await home.text();
  const chunk = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(chunk).toBeTruthy();
  const paths = ["/library", "/history", "/questions", `/documents/view?path=${encodeURIComponent(SEED_DOCUMENT)}`, "/no-such-page", "/api/health", "/api/interviews/no-such-id", chunk!];
  for (const target of paths) expectSecurityHeaders((await request.get(target)).headers(), target);
  // The upload route sets them itself (proxy.ts leaves its request bodies alone); it serves no page.
  const upload = (await request.post("/api/documents", { data: {} })).headers();
  expect(upload["x-content-type-options"]).toBe("nosniff");
  expect(upload["x-frame-options"]).toBe("DENY");
  expect(upload["referrer-policy"]).toBe("no-referrer");
});

test("each page gets its own nonce, and every script of the page carries it", async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/");
    const nonce = response.headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)![1]!;
    nonces.push(nonce);
    const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

/** Records CSP violations (as events, before any script of the page) and console errors. */
async function watch(page: Page): Promise<{ console: string[] }> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const seen = { console: [] as string[] };
  page.on("console", (message) => {
    if (message.type() === "error") seen.console.push(message.text());
  });
  page.on("pageerror", (error) => seen.console.push(`page error: ${error.message}`));
  return seen;
}

async function expectNoViolations(page: Page, seen: { console: string[] }, where: string) {
  expect(await page.evaluate(() => window.__cspViolations ?? null), where).toEqual([]);
  expect(seen.console, where).toEqual([]);
}

test("home, interview, library, history, questions and the document viewer run under the policy with no violation", async ({ page }) => {
  const seen = await watch(page);
  await page.goto("/");
  await expectNoViolations(page, seen, "home");

  // Client scripts run (hydration): the start form works through fetch and client navigation.
  await page.getByLabel("Number of questions").fill("1");
  await page.getByRole("button", { name: "Start interview" }).click();
  await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
  const box = page.getByRole("textbox", { name: "Your answer" });
  await box.fill("The gradient of the loss tells each weight how to change, and the learning rate sets the step.");
  await box.press("Enter");
  const feedback = page.getByRole("region", { name: "Feedback" }).first();
  await expect(feedback).toContainText("/ 5");
  await feedback.getByRole("button", { name: "Show reference answer" }).click();
  await expectNoViolations(page, seen, "interview");

  await page.goto("/library");
  await page.getByText("What is Deep Learning?", { exact: true }).first().click();
  await expectNoViolations(page, seen, "library");

  await page.goto("/history");
  await expectNoViolations(page, seen, "history");

  await page.goto("/questions");
  await expectNoViolations(page, seen, "questions");

  await page.goto(`/documents/view?path=${encodeURIComponent(SEED_DOCUMENT)}&line=3`);
  await expect(page.locator("#L3")).toHaveClass(/cited/);
  await expectNoViolations(page, seen, "document viewer");
});

test("formulas render under the policy: KaTeX's style attributes apply", async ({ page }) => {
  const seen = await watch(page);
  // The library renders every reference answer, formulas of the seed corpus included.
  await page.goto("/library");
  const styled = page.locator(".katex [style]");
  expect(await styled.count()).toBeGreaterThan(0);
  // A style attribute the policy refused would stay in the DOM but declare nothing.
  const applied = await styled.evaluateAll((elements) => elements.filter((element) => (element as HTMLElement).style.length > 0).length);
  expect(applied).toBe(await styled.count());
  await expectNoViolations(page, seen, "formulas");
});

test("the policy is enforced: injected markup's handlers and javascript: links do not run and are reported", async ({ page }) => {
  await watch(page);
  await page.goto("/library");
  // Markup as an injection would put it in the page (page.evaluate is the browser's debugger, exempt
  // itself). A <script> created by script is not tested: 'strict-dynamic' trusts what the app's own
  // nonce-bearing scripts create, by design; injected markup is what the policy stops.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__injected = 'handler'"><a id="injected-link" href="javascript:window.__injected = 'link'">injected</a>`);
  });
  await page.locator("#injected-link").click();
  await expect.poll(() => page.evaluate(() => (window.__cspViolations ?? []).map((line) => line.split(" ")[0]).sort())).toEqual(["script-src-attr", "script-src-elem"]);
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
});

test("the app cannot be framed", async ({ page, baseURL }) => {
  // A page of no origin of the app's (about:blank) tries to frame the library.
  await page.goto("about:blank");
  await page.setContent(`<iframe src="${baseURL}/library"></iframe>`);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  expect(frame).toBeTruthy();
  // setContent waited for the frame's load: the library never rendered inside it.
  const heading = await frame!.evaluate(() => document.querySelector("h1")?.textContent ?? null).catch(() => null);
  expect(heading).not.toBe("Library");
});
