import { expect, test } from "@playwright/test";

test.describe("home page on the embedded defaults", () => {
  test("answers 200 and explains what is running", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Practise interviews on your own notes" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your study material" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "How it runs" })).toBeVisible();
    await expect(page.getByText("Embedded PostgreSQL (PGlite)")).toBeVisible();
  });

  test("says plainly that semantic search is off without model weights, and how to turn it on", async ({ page }) => {
    await page.goto("/");
    const notice = page.getByRole("status");
    await expect(notice).toContainText("Semantic search is off");
    await expect(notice).toContainText("Xenova/bge-small-en-v1.5");
    await expect(notice).toContainText("EMBEDDINGS=openai");
    await expect(page.getByText("Full-text only")).toBeVisible();
  });

  test("is keyboard-first: the first Tab reaches a skip link to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("reports health as JSON for load balancers", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: "pglite", corpus: { documents: 5 } });
  });

  test("answers an unknown page with a 404", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
  });
});
