import { expect, test, type Page } from "@playwright/test";
import { severeAxeViolations } from "./helpers/axe";

const PAKISTAN_DAY = "/timetable?date=2017-08-14";

/** Console errors of the page (a missing favicon shows up here). */
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

test("the Pakistan Day grid shows venues by kind with blocks named by time and venue, and no console error", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto(PAKISTAN_DAY);
  const grid = page.getByRole("region", { name: "Timetable for Monday 14 August 2017, by venue" });
  await expect(grid).toBeVisible();
  await expect(grid.getByText("Pavilions", { exact: true })).toBeVisible();
  await expect(grid.getByRole("link", { name: "Pavilion of Pakistan", exact: true })).toBeVisible();
  const ceremony = grid.getByRole("link", { name: /^Pakistan Day ceremony, Monday 14 August 2017, \d\d:\d\d to \d\d:\d\d Astana time, Pavilion of Pakistan$/ });
  await expect(ceremony).toBeVisible();
  expect(await severeAxeViolations(page)).toEqual([]);
  await ceremony.click();
  await expect(page.getByRole("heading", { level: 1, name: "Pakistan Day ceremony" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("at 375 px the grid scrolls inside its box and the page never scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(PAKISTAN_DAY);
  const grid = page.getByRole("region", { name: /^Timetable for/ });
  await expect(grid).toBeVisible();
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(page_.scroll).toBeLessThanOrEqual(page_.client);
  const inside = await grid.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(inside.scroll).toBeGreaterThan(inside.client);
  expect(await severeAxeViolations(page)).toEqual([]);
});

test("the keyboard moves from block to block in time order and Enter opens the event", async ({ page }) => {
  await page.goto(PAKISTAN_DAY);
  const blocks = page.getByRole("region", { name: /^Timetable for/ }).locator("a[aria-label*='Astana time']");
  const names = await blocks.evaluateAll((links) => links.slice(0, 3).map((link) => link.getAttribute("aria-label")));
  await blocks.first().focus();
  await expect(blocks.first()).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", names[1]!);
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", names[2]!);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/events\//);
  await expect(page.getByRole("heading", { level: 1, name: names[2]!.split(",")[0] })).toBeVisible();
});

test("a hidden venue column stays hidden after a reload, until shown again", async ({ page }) => {
  await page.goto(PAKISTAN_DAY);
  const grid = page.getByRole("region", { name: /^Timetable for/ });
  const header = grid.getByRole("link", { name: "Pavilion of Pakistan", exact: true });
  await expect(header).toBeVisible();
  await page.getByText(/^Venues shown:/).click();
  await page.getByRole("checkbox", { name: "Pavilion of Pakistan" }).uncheck();
  await expect(header).toHaveCount(0);
  await page.reload();
  await expect(grid.getByRole("link", { name: "Pavilion of Pakistan", exact: true })).toHaveCount(0);
  await page.getByText(/^Venues shown:/).click();
  await page.getByRole("button", { name: "Show all" }).click();
  await expect(grid.getByRole("link", { name: "Pavilion of Pakistan", exact: true })).toBeVisible();
});

test("?at= draws the now line and the schedule links to the same day's grid", async ({ page }) => {
  await page.goto("/schedule?date=2017-08-14&venue=pavilion-pakistan");
  await page.getByRole("link", { name: "Timetable", exact: true }).last().click();
  await expect(page).toHaveURL(/\/timetable\?date=2017-08-14&venue=pavilion-pakistan$/);
  await page.goto("/timetable?at=2017-08-14T15:20");
  await expect(page.getByText("Now: 15:20")).toBeVisible();
});
