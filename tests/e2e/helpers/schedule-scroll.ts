// A filtered schedule scrolled down, and the check that Back brought it back as it was (issue 13).
import { expect, type Page } from "@playwright/test";

/** Filters the schedule to 14 August through the form (a client navigation) and scrolls half-way down. */
export async function scrolledFilteredSchedule(page: Page): Promise<number> {
  await page.goto("/schedule");
  await page.getByLabel("Day", { exact: true }).selectOption("2017-08-14");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect.poll(() => new URL(page.url()).search).toBe("?date=2017-08-14");
  const cards = page.locator(".event-card");
  await expect(cards).not.toHaveCount(0);
  const target = cards.nth(Math.floor((await cards.count()) / 2));
  await target.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  // A wheel scroll is animated: read the offset only once two reads 100 ms apart agree, or the
  // offset "before" may be taken mid-scroll (seen: 4830 recorded, 5030 restored).
  let previous = -1;
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => window.scrollY);
        const settled = now === previous && now > 300;
        previous = now;
        return settled;
      },
      { intervals: [100] },
    )
    .toBe(true);
  return previous;
}

export async function expectRestored(page: Page, scrollY: number): Promise<void> {
  await expect.poll(() => new URL(page.url()).search).toBe("?date=2017-08-14");
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue("2017-08-14");
  // Within a few pixels: the browser may round a restored scroll offset.
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollY - 5);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrollY + 5);
}
