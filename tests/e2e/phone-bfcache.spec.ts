import { expect, test } from "@playwright/test";
import { expectRestored, scrolledFilteredSchedule } from "./helpers/schedule-scroll";

// Issue 13: Back to a public page is instant because the browser kept the page whole (bfcache).
// Playwright launches Chromium with --disable-back-forward-cache; this file drops that flag, and
// so runs in a worker of its own (the rest is playwright.config.ts's own launch options).
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
    ignoreDefaultArgs: ["--disable-back-forward-cache"],
  },
});

test("Back to the schedule from another document comes from the back/forward cache", async ({ page }) => {
  const view = await scrolledFilteredSchedule(page);
  await page.evaluate(() => {
    window.addEventListener("pageshow", (event) => {
      document.documentElement.dataset.restoredFromBfcache = String(event.persisted);
    });
  });
  // A full load of another page (typed address, a link from elsewhere): the schedule's document
  // is left behind whole, and Back can only be instant if the browser kept it.
  await page.goto("/events/mahler-symphony-no-8");
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  // A page restored from the cache fires pageshow, not load: wait only for the navigation itself.
  await page.goBack({ waitUntil: "commit" });
  // A locator assertion, not an evaluate first: right after "commit" the restored page's execution
  // context may still be swapped in, and an evaluate then fails with "context destroyed" (seen on a
  // loaded machine). When the browser could not keep the page, it says why: added to the failure.
  await expect(page.locator("html")).toHaveAttribute("data-restored-from-bfcache", "true").catch(async (error: Error) => {
    const why = await page.evaluate(() => JSON.stringify((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming & { notRestoredReasons?: unknown }).notRestoredReasons ?? null));
    throw new Error(`${error.message}\nnotRestoredReasons: ${why}`);
  });
  await expectRestored(page, view);
  expect(documents).toEqual([]);
});
