import { expect, test } from "@playwright/test";

test.describe("history of interviews", () => {
  test("says plainly that there is no interview yet", async ({ page }) => {
    await page.goto("/history");
    await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
    // This file runs first on a fresh e2e database; a database kept from an earlier run holds
    // interviews, and then the empty state cannot be shown.
    const earlier = await page.getByRole("heading", { name: "Past interviews" }).count();
    test.skip(earlier > 0, "the e2e database holds interviews from an earlier run");
    await expect(page.getByRole("heading", { name: "No interviews yet" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Start an interview" })).toHaveAttribute("href", "/");
    await expect(page.getByRole("img")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/history-empty.png", fullPage: true });
  });

  test("lists an interview with a link back to it, and charts its graded answer", async ({ page, request }) => {
    const started = await request.post("/api/interviews", { data: { topics: [], questionCount: 1, style: "neutral", voice: false, dueOnly: false } });
    expect(started.status()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const reply = await request.post(`/api/interviews/${id}/messages`, {
      data: { clientMessageId: `history-${id}`, text: "Deep learning trains neural networks with many layers on large amounts of data." },
    });
    expect(reply.status()).toBe(200);
    const lines = (await reply.text()).trim().split("\n").map((line) => JSON.parse(line) as { type: string });
    expect(lines.at(-1)?.type).toBe("done");

    await page.goto("/history");
    const row = page.locator("tr", { has: page.locator(`a[href="/interview/${id}"]`) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell").nth(1)).toHaveText("neutral");
    await expect(row.getByRole("cell").nth(2)).toHaveText("All topics");
    await expect(row.getByRole("cell").nth(3)).toHaveText("1 of 1");
    await expect(row.getByRole("cell").nth(4)).toHaveText(/^\d(\.\d)? \/ 5$/);

    const chart = page.getByRole("img", { name: /^Average score out of 5 by topic/ });
    await expect(chart).toBeVisible();
    await expect(page.getByRole("list", { name: "Legend" }).getByRole("listitem")).not.toHaveCount(0);
    await page.getByText("Chart data as a table").click();
    await expect(page.getByRole("table", { name: "Average score by topic and date" }).getByRole("row")).not.toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/history.png", fullPage: true });

    await row.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/interview/${id}$`));
    await expect(page.getByRole("log", { name: "Interview" })).toBeVisible();
  });
});
