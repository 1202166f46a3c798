import { expect, test, type Page } from "@playwright/test";
import { signUp as signUpVisitor, uniqueEmail } from "./helpers/visitor";

async function signUp(page: Page): Promise<void> {
  await signUpVisitor(page, uniqueEmail("calendar"), "Calendar Test");
  await expect(page).toHaveURL(/\/itinerary$/);
}

test("a filtered schedule view offers a webcal subscription and copies the feed's https address", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/schedule?programme=pakistan-day&date=2017-08-14");
  // The feed leaves out the one day on show, and the panel says so.
  const panel = page.getByRole("region", { name: "Calendar feed for Pakistan Day · all expo days" });
  const feedUrl = `${baseURL}/calendar/expo-2017.ics?programme=pakistan-day`;
  await expect(panel.getByRole("link", { name: "Subscribe" })).toHaveAttribute("href", feedUrl.replace(/^https?:\/\//, "webcal://"));
  // The address and instructions sit behind a disclosure, so the list starts higher on a phone.
  await expect(panel.getByRole("textbox", { name: /^Feed address for/ })).toBeHidden();
  await panel.getByText("Feed address and how to subscribe").click();
  await expect(panel.getByRole("textbox", { name: /^Feed address for/ })).toHaveValue(feedUrl);

  await panel.getByRole("button", { name: "Copy link" }).click();
  await expect(panel.getByRole("status")).toHaveText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toEqual(feedUrl);

  const feed = await page.request.get(feedUrl, { maxRedirects: 0 });
  expect(feed.status()).toEqual(200);
  expect(feed.headers()["content-type"]).toEqual("text/calendar; charset=utf-8");
  const text = await feed.text();
  expect(text).toContain("\r\nX-WR-CALNAME:EXPO 2017 — Pakistan Day\r\n");
  expect(text).toContain("\r\nUID:pakistan-day-evening-concert@expo2017-schedule\r\n");
  expect(text).toContain("\r\nDTSTART:20170814T130000Z\r\n");

  // The real server's HEAD and 304, not just the handler's.
  const head = await page.request.fetch(feedUrl, { method: "HEAD" });
  expect([head.status(), head.headers()["etag"], head.headers()["content-type"]]).toEqual([
    200,
    feed.headers()["etag"],
    "text/calendar; charset=utf-8",
  ]);
  // Next may drop Content-Length on HEAD; if it is sent, it must be the GET's length.
  expect([undefined, String(Buffer.byteLength(text))]).toContain(head.headers()["content-length"]);
  expect((await head.body()).length).toEqual(0);
  const notModified = await page.request.get(feedUrl, { headers: { "If-None-Match": feed.headers()["etag"] } });
  expect(notModified.status()).toEqual(304);
});

test("venue pages and event pages link to their own calendar files", async ({ page }) => {
  await page.goto("/venues/astana-opera");
  await expect(page.getByRole("region", { name: /^Calendar feed for/ }).getByRole("link", { name: "Subscribe" })).toHaveAttribute(
    "href",
    /^webcal:\/\/[^/]+\/calendar\/expo-2017\.ics\?venue=astana-opera$/,
  );

  await page.goto("/events/pakistan-day-evening-concert");
  const add = page.getByRole("link", { name: "Add to calendar" });
  await expect(add).toHaveAttribute("href", "/calendar/events/pakistan-day-evening-concert.ics");
  const file = await page.request.get("/calendar/events/pakistan-day-evening-concert.ics");
  expect(file.status()).toEqual(200);
  expect(await file.text()).toContain("\r\nDTSTART:20170814T130000Z\r\n");
});

test("a visitor creates, resets and turns off the private feed from /itinerary", async ({ page }) => {
  await signUp(page);
  await page.goto("/events/pakistan-day-evening-concert");
  await page.locator(".event-actions").getByRole("button", { name: "Save to itinerary" }).click();
  await expect(page.locator(".event-actions").getByRole("button", { name: "Remove from itinerary" })).toBeVisible();

  const itinerary = await page.goto("/itinerary");
  // No Referer to other sites; same-origin keeps the Origin on its forms (next.config.js).
  expect(itinerary?.headers()["referrer-policy"]).toEqual("same-origin");
  const panel = page.getByRole("region", { name: "Your itinerary in your calendar" });

  const download = await page.request.get("/api/itinerary/calendar.ics");
  expect([download.status(), download.headers()["content-disposition"]]).toEqual([
    200,
    'attachment; filename="expo-2017-itinerary.ics"',
  ]);
  expect(await download.text()).toContain("\r\nUID:pakistan-day-evening-concert@expo2017-schedule\r\n");

  await panel.getByRole("button", { name: "Create private feed" }).click();
  const address = panel.getByRole("textbox", { name: "Feed address for your itinerary" });
  await expect(address).toHaveValue(/\/calendar\/u\/[A-Za-z0-9_-]{43}\.ics$/);
  const firstUrl = await address.inputValue();
  await expect(panel.getByRole("link", { name: "Subscribe" })).toHaveAttribute("href", firstUrl.replace(/^https?:\/\//, "webcal://"));
  const first = await page.request.get(firstUrl, { maxRedirects: 0 });
  expect([first.status(), first.headers()["cache-control"]]).toEqual([200, "private, no-store"]);
  expect(await first.text()).toContain("\r\nUID:pakistan-day-evening-concert@expo2017-schedule\r\n");

  await panel.getByRole("button", { name: "Reset link" }).click();
  await expect(address).not.toHaveValue(firstUrl);
  const secondUrl = await address.inputValue();
  expect((await page.request.get(firstUrl, { maxRedirects: 0 })).status()).toEqual(404);
  expect((await page.request.get(secondUrl, { maxRedirects: 0 })).status()).toEqual(200);

  await page.reload();
  await expect(panel.getByText(/Your private feed is on/)).toBeVisible();
  await expect(panel.getByRole("textbox")).toHaveCount(0);

  await panel.getByRole("button", { name: "Turn off" }).click();
  await expect(panel.getByRole("button", { name: "Create private feed" })).toBeVisible();
  expect((await page.request.get(secondUrl, { maxRedirects: 0 })).status()).toEqual(404);
});
