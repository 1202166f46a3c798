import { expect, test } from "@playwright/test";

test("the home page shows the EXPO 2017 heading and the size of the programme", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "EXPO 2017 Astana" })).toBeVisible();
  const events = page.getByRole("listitem").filter({ hasText: /events$/ });
  await expect(events).toHaveText(/\d{1,3}(,\d{3})+ events/);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
