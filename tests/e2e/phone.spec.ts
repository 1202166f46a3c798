import { expect, test, type Page } from "@playwright/test";
import { severeAxeViolations } from "./helpers/axe";
import { signUp } from "./helpers/visitor";

// Issue 13: no console error or failed request on any page kind, a one-row header on a 375 px
// phone with its links in a menu, and Back to the schedule restoring filters and scroll.

/** Loads path and returns every console error, page error, failed request and 4xx/5xx answer. */
async function problemsWhileLoading(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  };
  const onPageError = (error: Error) => problems.push(`page error: ${error.message}`);
  const onFailed = (request: { url(): string; failure(): { errorText: string } | null }) => {
    const error = request.failure()?.errorText;
    // Next's router cancels its own prefetch of a link's RSC payload (a dynamic page's prefetch
    // stops after the part it may reuse); nothing failed and the browser logs nothing.
    if (error === "net::ERR_ABORTED" && new URL(request.url()).searchParams.has("_rsc")) return;
    problems.push(`failed: ${request.url()} (${error})`);
  };
  const onResponse = (response: { url(): string; status(): number }) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  };
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  page.on("requestfailed", onFailed);
  page.on("response", onResponse);
  try {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(200);
    // Hydration, prefetches of the links in view, the icons: all of it must have settled.
    await page.waitForLoadState("networkidle");
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onPageError);
    page.off("requestfailed", onFailed);
    page.off("response", onResponse);
  }
  return problems;
}

const PUBLIC_PAGES = [
  "/",
  "/schedule?date=2017-08-14",
  "/events/mahler-symphony-no-8",
  "/venues/central-concert-hall",
  "/pakistan-day",
  "/timetable",
  "/map",
  "/signin",
];

test("no page kind logs a console error or has a failed request, signed out or in", async ({ page }) => {
  for (const path of PUBLIC_PAGES) expect(await problemsWhileLoading(page, path), path).toEqual([]);
  await signUp(page);
  for (const path of ["/itinerary", "/schedule?date=2017-08-14", "/events/mahler-symphony-no-8"]) {
    expect(await problemsWhileLoading(page, path), `${path} signed in`).toEqual([]);
  }
});

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("the header is one row of at most 64 px; its menu opens from the keyboard and is axe clean", async ({ page }) => {
    await page.goto("/schedule?date=2017-08-14");
    const header = page.getByRole("banner");
    const box = await header.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(64);
    const main = page.getByRole("navigation", { name: "Main" });
    await expect(main).toBeHidden();
    expect(await severeAxeViolations(page)).toEqual([]);

    const menu = header.getByRole("button", { name: "Menu" });
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(main).toBeVisible();
    await expect(main.getByRole("link", { name: "Timetable" })).toBeVisible();
    await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
    expect(await severeAxeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(main).toBeHidden();

    // A link in the menu is a client navigation; the menu does not stay open over the new page.
    await menu.click();
    await main.getByRole("link", { name: "Pakistan Day" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pakistan Day at EXPO 2017" })).toBeVisible();
    await expect(main).toBeHidden();
  });

  test("the menu opens without JavaScript too", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await page.goto("/");
    expect((await page.getByRole("banner").boundingBox())?.height).toBeLessThanOrEqual(64);
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Schedule" })).toBeVisible();
    await context.close();
  });
});

test("public pages may be kept for Back; private ones answer no-store", async ({ page, request }) => {
  for (const path of ["/", "/schedule?date=2017-08-14", "/events/mahler-symphony-no-8"]) {
    const answer = await request.get(path);
    expect(answer.headers()["cache-control"], path).not.toContain("no-store");
  }
  await signUp(page);
  const itinerary = await page.request.get("/itinerary");
  expect(itinerary.headers()["cache-control"]).toContain("no-store");
});

/** Filters the schedule to 14 August through the form (a client navigation) and scrolls half-way down. */
async function scrolledFilteredSchedule(page: Page): Promise<number> {
  await page.goto("/schedule");
  await page.getByLabel("Day", { exact: true }).selectOption("2017-08-14");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect.poll(() => new URL(page.url()).search).toBe("?date=2017-08-14");
  const cards = page.locator(".event-card");
  await expect(cards).not.toHaveCount(0);
  const target = cards.nth(Math.floor((await cards.count()) / 2));
  await target.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  return page.evaluate(() => window.scrollY);
}

async function expectRestored(page: Page, scrollY: number): Promise<void> {
  await expect.poll(() => new URL(page.url()).search).toBe("?date=2017-08-14");
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue("2017-08-14");
  // Within a few pixels: the browser may round a restored scroll offset.
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollY - 5);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrollY + 5);
}

test("Back from an event opened in the app restores the filtered schedule and its scroll with no document request", async ({ page }) => {
  const scrollY = await scrolledFilteredSchedule(page);
  await page.locator(".event-card").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/events\//);
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await page.goBack();
  await expectRestored(page, scrollY);
  expect(documents).toEqual([]);
});

test.describe("with the browser's back/forward cache on", () => {
  // Playwright turns the cache off by default (--disable-back-forward-cache); the rest is the
  // configuration's own launch options (playwright.config.ts).
  test.use({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
      ignoreDefaultArgs: ["--disable-back-forward-cache"],
    },
  });

  test("Back to the schedule from another document comes from the back/forward cache", async ({ page }) => {
    const scrollY = await scrolledFilteredSchedule(page);
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
    await page.goBack();
    // When the browser could not keep the page, it says why: shown in the failure.
    const why = await page.evaluate(() => JSON.stringify((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming & { notRestoredReasons?: unknown }).notRestoredReasons ?? null));
    await expect(page.locator("html"), why).toHaveAttribute("data-restored-from-bfcache", "true");
    await expectRestored(page, scrollY);
    expect(documents).toEqual([]);
  });
});
