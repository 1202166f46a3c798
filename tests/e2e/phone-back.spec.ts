import { expect, test, type Page } from "@playwright/test";
import { expectRestored, firstCardInView, scrolledFilteredSchedule } from "./helpers/schedule-scroll";

// Issue 13: Back within the app (a client navigation, not a back/forward-cache restore) brings the
// filtered schedule back where the visitor left it, and a public page asks the network for nothing
// once it has loaded (no session, saved-events or itinerary fetches: the server rendered them).

test("Back from an event opened in the app restores the filtered schedule and its scroll with no document request", async ({ page }) => {
  const view = await scrolledFilteredSchedule(page);
  const index = view.index;
  expect(index).toBeGreaterThan(0);
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await page.locator(".event-card").nth(index).getByRole("heading").getByRole("link").click();
  await expect(page).toHaveURL(/\/events\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Where the visitor was when leaving: the click needed no scrolling.
  await page.goBack();
  await expectRestored(page, view);
  expect(documents).toEqual([]);
});

test("Back to a schedule document the browser did not keep shows the same cards where they were", async ({ page }) => {
  // Playwright's Chromium keeps no page for Back (--disable-back-forward-cache), as a phone short
  // of memory may not: Back loads the schedule again and the browser restores the offset.
  const view = await scrolledFilteredSchedule(page);
  await page.goto("/events/mahler-symphony-no-8");
  await page.goBack();
  await expectRestored(page, view);
});

/** Whether the browser skips the last card's rendering (content-visibility: auto, off screen). */
function lastCardSkipped(page: Page): Promise<boolean> {
  return page.locator(".event-card").last().evaluate((card) => !card.checkVisibility({ contentVisibilityAuto: true }));
}

test("cards off screen skip their layout on a fresh load until the app is ready, and not on a Back the browser restores", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/schedule?date=all");
  expect(await lastCardSkipped(page)).toBe(true);
  expect(await page.locator(".event-card").first().evaluate((card) => card.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
  // Far down in one jump (no intent), over cards still at their guessed size; then the app starts
  // from a key and lays every card out at its real size: what is on screen stays where it was.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  const before = (await firstCardInView(page))?.index ?? -1;
  expect(before).toBeGreaterThan(10);
  const top = (index: number) => page.locator(".event-card").nth(index).evaluate((card) => Math.round(card.getBoundingClientRect().top));
  const topBefore = await top(before);
  const ready = page.evaluate(() => new Promise<void>((resolve) => addEventListener("expo2017:app-ready", () => resolve(), { once: true })));
  await page.keyboard.press("Shift");
  await ready;
  await expect.poll(() => lastCardSkipped(page)).toBe(false);
  expect(Math.abs((await top(before)) - topBefore)).toBeLessThan(5);

  await page.goto("/events/mahler-symphony-no-8");
  await page.goBack();
  await expect(page).toHaveURL(/date=all/);
  expect(await lastCardSkipped(page)).toBe(false);
  await page.reload();
  expect(await lastCardSkipped(page)).toBe(false);
});

test("a public page makes no request of its own after load for a signed-out visitor", async ({ page }) => {
  const afterLoad: string[] = [];
  const prefetched: string[] = [];
  let loaded = false;
  page.on("request", (request) => {
    if (!loaded || !["fetch", "xhr"].includes(request.resourceType())) return;
    // Next's router prefetching a link in view (the header's, the day navigation's) is not the
    // page asking for data; event cards' links prefetch nothing (components/event-card.tsx).
    const url = new URL(request.url());
    if (request.headers()["next-router-prefetch"] !== undefined) prefetched.push(url.pathname);
    else afterLoad.push(`${request.method()} ${request.url()}`);
  });
  for (const path of ["/schedule?date=all", "/events/mahler-symphony-no-8"]) {
    loaded = false;
    await page.goto(path, { waitUntil: "load" });
    loaded = true;
    await page.waitForLoadState("networkidle");
    loaded = false;
  }
  expect(afterLoad).toEqual([]);
  expect(prefetched.filter((path) => path.startsWith("/events/"))).toEqual([]);
});
