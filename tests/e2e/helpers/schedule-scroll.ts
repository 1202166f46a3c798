// A filtered schedule scrolled down, and the check that Back brought it back as it was (issue 13).
import { expect, type Page } from "@playwright/test";

/** Where the visitor was: the offset, and the first card wholly on screen with its distance from the top. */
export interface ScheduleView {
  scrollY: number;
  index: number;
  card: string;
  top: number;
}

/** The first event card wholly on screen (a click on it needs no scrolling): its index, link and top edge, or null. */
export function firstCardInView(page: Page): Promise<{ index: number; card: string; top: number } | null> {
  return page.locator(".event-card").evaluateAll((cards) => {
    for (let index = 0; index < cards.length; index++) {
      const box = cards[index].getBoundingClientRect();
      if (box.top >= 0 && box.bottom <= window.innerHeight) return { index, card: cards[index].querySelector("h3 a")?.getAttribute("href") ?? "", top: Math.round(box.top) };
    }
    return null;
  });
}

/** Filters the schedule to 14 August through the form (a client navigation) and scrolls half-way down. */
export async function scrolledFilteredSchedule(page: Page): Promise<ScheduleView> {
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
  const inView = await firstCardInView(page);
  expect(inView).not.toBeNull();
  return { scrollY: previous, ...inView! };
}

/**
 * The filters, the offset and what is on screen are as the visitor left them: the same card at
 * the same place. The offset alone would pass a page whose cards above were laid out at other
 * heights (content-visibility placeholders) and so showed other events there.
 */
export async function expectRestored(page: Page, view: ScheduleView): Promise<void> {
  await expect.poll(() => new URL(page.url()).search).toBe("?date=2017-08-14");
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue("2017-08-14");
  // Within a few pixels: the browser may round a restored scroll offset.
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(view.scrollY - 5);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(view.scrollY + 5);
  const inView = await firstCardInView(page);
  expect(inView?.card).toBe(view.card);
  expect(Math.abs((inView?.top ?? Infinity) - view.top)).toBeLessThan(5);
}
