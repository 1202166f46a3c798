import { expect, test, type Page, type Request } from "@playwright/test";
import { startApp } from "./helpers/app-ready";
import { signUp } from "./helpers/visitor";

// Issue 13, decision 026: a page's HTML names Next's and React's scripts in placeholders, and one
// inline loader fetches them on the visitor's first intent — at once when this device holds saves
// made before sign-in. A save tapped before the app is ready is held, then replayed by the app.

const DAY = "/schedule?date=2017-08-14";

function isAppChunk(request: Request): boolean {
  return request.resourceType() === "script" && new URL(request.url()).pathname.startsWith("/_next/static/");
}

/** Counts the app's chunk requests, document requests and RSC payload answers (decision 030) of the page from now on. */
function watch(page: Page): { chunks: string[]; documents: string[]; payloads: number[] } {
  const seen = { chunks: [] as string[], documents: [] as string[], payloads: [] as number[] };
  page.on("request", (request) => {
    if (isAppChunk(request)) seen.chunks.push(request.url());
    if (request.resourceType() === "document") seen.documents.push(request.url());
  });
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/_app/flight") seen.payloads.push(response.status());
  });
  return seen;
}

test("a page loads no script of the app until the visitor's first intent, then hydrates", async ({ page }) => {
  const seen = watch(page);
  await page.goto(DAY, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  expect(seen.chunks).toEqual([]);
  expect(await page.locator("script[data-app-src]").count()).toBeGreaterThan(0);
  // Only the noModule polyfill (which this browser never fetches) remains a real script element.
  expect(await page.locator('script[src^="/_next/static/"]:not([nomodule])').count()).toBe(0);
  // A stored page's RSC payload is not in its document: a marker says where the loader gets it.
  const html = await (await page.request.get(DAY)).text();
  expect(html).not.toContain("self.__next_f.push([1");
  expect(await page.locator("script[data-app-flight-src]").count()).toBe(1);
  expect(seen.payloads).toEqual([]);

  // A save on the device is the app's work: it happens after the tap made the app load.
  const button = page.locator("button.save-event").first();
  const slug = await button.getAttribute("value");
  await button.click();
  await expect(button).toHaveAttribute("data-saved", "true");
  expect(seen.chunks.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => localStorage.getItem("expo2017.deviceSaves"))).toContain(slug);
  // The flag that makes the next page start the app at once (to show this save).
  await expect.poll(() => page.evaluate(() => document.cookie)).toContain("expo2017-device-saves=1");
  expect(seen.documents).toEqual([DAY].map((path) => new URL(path, page.url()).href));
  expect(seen.payloads).toEqual([200]);
});

test("a save tapped before the app is ready is held, then made by the app without a page load", async ({ page }) => {
  await page.goto(DAY, { waitUntil: "load" });
  // The app's scripts arrive late, as on a slow network.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await released;
    await route.continue();
  });
  const seen = watch(page);
  const button = page.locator("button.save-event").first();
  await button.click();
  await expect(button).toHaveAttribute("aria-busy", "true");
  await expect(button).toHaveAttribute("data-saved", "false");
  release();
  await expect(button).toHaveAttribute("data-saved", "true");
  await expect(button).not.toHaveAttribute("aria-busy", "true");
  expect(seen.documents).toEqual([]);
  expect(seen.chunks.length).toBeGreaterThan(0);
});

test("with saves on this device, the app loads at once to show them", async ({ page }) => {
  await page.goto(DAY, { waitUntil: "load" });
  const slug = (await page.locator("button.save-event").first().getAttribute("value")) ?? "";
  // As the app leaves it after a save on the device: the list, and the flag the loader reads.
  await page.evaluate((saved) => {
    localStorage.setItem("expo2017.deviceSaves", JSON.stringify([saved]));
    document.cookie = "expo2017-device-saves=1; path=/";
  }, slug);
  const seen = watch(page);
  await page.reload({ waitUntil: "load" });
  await expect(page.locator(`button.save-event[value="${slug}"]`).first()).toHaveAttribute("data-saved", "true");
  expect(seen.chunks.length).toBeGreaterThan(0);
  await expect(page.getByRole("status").filter({ hasText: "Saved on this device" })).toBeVisible();
});

test("a signed-in visitor's itinerary streams with the app on intent too, and a tap starts it", async ({ page }) => {
  await signUp(page);
  const seen = watch(page);
  await page.goto("/itinerary", { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  expect(seen.chunks).toEqual([]);
  expect(await page.locator("script[data-app-src]").count()).toBeGreaterThan(0);
  const ready = page.evaluate(() => new Promise<boolean>((resolve) => addEventListener("expo2017:app-ready", () => resolve(true))));
  await page.getByRole("heading", { level: 1 }).click();
  expect(await ready).toBe(true);
  expect(seen.chunks.length).toBeGreaterThan(0);
});

test("a note typed into a prefilled field while the app loads survives its hydration", async ({ page }) => {
  await signUp(page);
  await page.goto("/events/mahler-symphony-no-8");
  await startApp(page);
  await page.locator("button.save-event").first().click();
  await expect(page.locator("button.save-event").first()).toHaveAttribute("data-saved", "true");
  // The label flips at once; the button is enabled again once the server has kept the save.
  await expect(page.locator("button.save-event").first()).toBeEnabled();
  await page.goto("/itinerary");
  const note = page.getByLabel(/^Note for /);
  await note.fill("Bring the tickets");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Note saved.");

  // Reloaded with the app's scripts held back, as on a slow network: typing comes first.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await released;
    await route.continue();
  });
  await page.reload({ waitUntil: "load" });
  await expect(note).toHaveValue("Bring the tickets");
  await note.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" and the umbrella");
  const ready = page.evaluate(() => new Promise<void>((resolve) => addEventListener("expo2017:app-ready", () => resolve(), { once: true })));
  release();
  await ready;
  await expect(note).toHaveValue("Bring the tickets and the umbrella");
  // React's state followed the restored text: the counter says so.
  await expect(page.getByText(`${"Bring the tickets and the umbrella".length} of 1,000 characters`)).toBeVisible();
});

test("a timetable column unticked before the app runs is hidden once it does", async ({ page }) => {
  await page.goto("/timetable?date=2017-08-14", { waitUntil: "load" });
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await released;
    await route.continue();
  });
  const grid = page.getByRole("region", { name: /^Timetable for/ });
  const header = grid.getByRole("link", { name: "Pavilion of Pakistan", exact: true });
  await expect(header).toBeVisible();
  // The <details> opens natively; the box toggles natively, and only the app can act on it.
  await page.getByText(/^Venues shown:/).click();
  await page.getByRole("checkbox", { name: "Pavilion of Pakistan" }).uncheck();
  await expect(header).toBeVisible();
  release();
  await expect(header).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Pavilion of Pakistan" })).not.toBeChecked();
});
