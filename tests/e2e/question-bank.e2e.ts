import { expect, test } from "@playwright/test";

// `npm start` ingests content/ before serving: the seed documents are the question bank here.
test.describe("question bank built from content/", () => {
  test("the home page counts the ingested material and links to the bank", async ({ page }) => {
    await page.goto("/");
    const material = page.getByRole("region", { name: "Your study material" });
    await expect(material.getByText("Documents")).toBeVisible();
    await expect(material.locator("dd").first()).toHaveText("5");
    await material.getByRole("link", { name: "Browse the question bank" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Question bank" })).toBeVisible();
  });

  test("lists questions by topic, each with its merged answer and every source", async ({ page }) => {
    await page.goto("/questions");
    const topics = page.getByRole("navigation", { name: "Topics" });
    await expect(topics.getByRole("link")).not.toHaveCount(0);
    await topics.getByRole("link", { name: "Neural network basics" }).click();
    const question = page.getByText("What is Deep Learning?", { exact: true });
    await question.click();
    const details = page.locator("details", { has: question });
    await expect(details.locator(".answer")).toContainText("large volumes of structured or unstructured data");
    await expect(details.locator(".sources")).toContainText("content/deep-learning-common-problems.txt, line 4");
    await expect(details.locator(".sources")).toContainText("content/deep-learning-interview-questions-pdf-text.txt, line 3");
  });

  test("is reachable by keyboard: a question opens with Enter", async ({ page }) => {
    await page.goto("/questions");
    const summary = page.locator("summary").first();
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("details").first()).toHaveAttribute("open", "");
  });
});
