import { expect, test } from "@playwright/test";
import { severeAxeViolations } from "./helpers/axe";

const PAGES = ["/", "/schedule", "/schedule?date=2017-08-26&category=culture&q=mahler", "/events/mahler-symphony-no-8", "/venues/astana-opera", "/venues", "/pakistan-day", "/no-such-page"];

for (const path of PAGES) {
  test(`${path} has no serious or critical axe violations`, async ({ page }) => {
    await page.goto(path);
    expect(await severeAxeViolations(page)).toEqual([]);
  });
}

test("/schedule at 375 px has no serious or critical axe violations", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/schedule?date=2017-08-14");
  expect(await severeAxeViolations(page)).toEqual([]);
});
