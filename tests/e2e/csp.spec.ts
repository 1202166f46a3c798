import { expect, test, type Page } from "@playwright/test";
import { startApp } from "./helpers/app-ready";

// Every page is served with a nonce-based Content-Security-Policy (proxy.ts,
// docs/decisions/008-content-security-policy.md). A page whose scripts the policy blocks still
// renders its server HTML but never hydrates, so each test also proves the page reacts to a click.

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

type CspWatch = { consoleErrors: string[] };

/** Records every CSP violation the page reports: its event, and Chromium's console message. */
async function watchForViolations(page: Page): Promise<CspWatch> {
  const watch: CspWatch = { consoleErrors: [] };
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) watch.consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return watch;
}

async function expectNoViolations(page: Page, watch: CspWatch): Promise<void> {
  expect(await page.evaluate(() => window.__cspViolations ?? ["the recorder did not run"])).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
}

/** Loads `path` and returns the nonce of its Content-Security-Policy header. */
async function nonceOfLoad(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  expect(response, `a response for ${path}`).not.toBeNull();
  const policy = response!.headers()["content-security-policy"];
  expect(policy, `Content-Security-Policy on ${path}`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).not.toContain("upgrade-insecure-requests"); // the e2e server is http://localhost
  return /'nonce-([^']+)'/.exec(policy)![1];
}

/** Two loads get two different nonces; a page with the time-zone switch has hydrated. */
async function loadTwiceAndHydrate(page: Page, path: string): Promise<void> {
  const first = await nonceOfLoad(page, path);
  const second = await nonceOfLoad(page, path);
  expect(second).not.toEqual(first);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  // The server cannot know the device's zone, so this option names it only once the page's
  // scripts ran and hydrated it (script-src): the sign that the policy let them run. They run on
  // the visitor's first intent (decision 026): a tap.
  await startApp(page);
  const deviceOption = page.locator('#display-zone option[value="device"]');
  if ((await deviceOption.count()) > 0) await expect(deviceOption).toHaveText(/^My time zone \(.+\)$/);
}

test("the home page has a fresh nonce per load, hydrates and reports no violation", async ({ page }) => {
  const watch = await watchForViolations(page);
  await loadTwiceAndHydrate(page, "/");
  await page.getByRole("link", { name: "Browse the schedule" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  await expectNoViolations(page, watch);
});

test("the schedule's time-zone switch works under the policy", async ({ page }) => {
  const watch = await watchForViolations(page);
  await loadTwiceAndHydrate(page, "/schedule?date=2017-08-26&q=mahler");
  const time = page.locator(".event-card .event-time").first();
  await expect(time).toHaveText("19:00–21:00 Astana, UTC+6");
  await page.getByLabel("Show times in", { exact: true }).selectOption("UTC");
  await expect(time).toHaveText("13:00–15:00 UTC");
  await expectNoViolations(page, watch);
});

test("an event page with JSON-LD saves to the itinerary while signed out", async ({ page }) => {
  const watch = await watchForViolations(page);
  await loadTwiceAndHydrate(page, "/events/mahler-symphony-no-8");
  // JSON-LD is data, not script: CSP does not apply to it, and it is still in the page.
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null");
  expect(jsonLd["@type"]).toEqual("Event");
  await page.getByRole("button", { name: "Save to itinerary" }).click();
  await expect(page.getByRole("button", { name: "Remove from itinerary" })).toBeVisible();
  await expectNoViolations(page, watch);
});

test("/pakistan-day hydrates and switches time zone under the policy", async ({ page }) => {
  const watch = await watchForViolations(page);
  await loadTwiceAndHydrate(page, "/pakistan-day");
  const concert = page.locator(".event-card").filter({ hasText: "Pakistan Day evening concert" }).locator(".event-time");
  await expect(concert).toHaveText("19:00–21:00 Astana, UTC+6");
  await page.getByLabel("Show times in", { exact: true }).selectOption("UTC");
  await expect(concert).toHaveText("13:00–15:00 UTC");
  await expectNoViolations(page, watch);
});

test("/signin answers a wrong password under the policy", async ({ page }) => {
  const watch = await watchForViolations(page);
  await loadTwiceAndHydrate(page, "/signin");
  await page.getByLabel("Email", { exact: true }).first().fill(`csp-${Date.now()}@example.test`);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expectNoViolations(page, watch);
});

test("/itinerary signed out lands on sign-in with a policy and no violation", async ({ page }) => {
  const watch = await watchForViolations(page);
  await loadTwiceAndHydrate(page, "/itinerary");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fitinerary$/);
  await expectNoViolations(page, watch);
});

test("/signin/check-email and the not-found page are rendered per request with a nonce", async ({ page }) => {
  const watch = await watchForViolations(page);
  await loadTwiceAndHydrate(page, "/signin/check-email");
  await loadTwiceAndHydrate(page, "/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectNoViolations(page, watch);
});

test("JSON and feed answers carry no page policy", async ({ request }) => {
  const api = await request.get("/api/events?limit=1");
  expect(api.headers()["content-security-policy"]).toBeUndefined();
  const feed = await request.get("/calendar/events/mahler-symphony-no-8.ics");
  expect(feed.headers()["content-security-policy"]).toBeUndefined();
});
