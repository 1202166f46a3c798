import { expect, test, type Page } from "@playwright/test";
import { expectRestored, scrolledFilteredSchedule } from "./helpers/schedule-scroll";

// Issue 13: Back within the app (a client navigation, not a back/forward-cache restore) brings the
// filtered schedule back where the visitor left it, and a public page asks the network for nothing
// once it has loaded (no session, saved-events or itinerary fetches: the server rendered them).

/** The index of the first event card wholly on screen: a click on it needs no scrolling. */
async function firstCardInView(page: Page): Promise<number> {
  return page.locator(".event-card").evaluateAll((cards) =>
    cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }),
  );
}

test("Back from an event opened in the app restores the filtered schedule and its scroll with no document request", async ({ page }) => {
  const scrollY = await scrolledFilteredSchedule(page);
  const index = await firstCardInView(page);
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
  await expectRestored(page, scrollY);
  expect(documents).toEqual([]);
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
