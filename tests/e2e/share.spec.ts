import { expect, test, type Page } from "@playwright/test";
import { severeAxeViolations } from "./helpers/axe";
import { signUp, uniqueEmail } from "./helpers/visitor";

// Issue 12 items 1, 4 and 5: search from a day view, a shared itinerary link, reminders.

test("searching Mahler while 14 August is shown covers every day and reaches the concert", async ({ page }) => {
  await page.goto("/schedule?date=2017-08-14");
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue("2017-08-14");

  await page.getByLabel("Search", { exact: true }).fill("Mahler");
  await page.getByRole("button", { name: "Show events" }).click();

  await expect(page).toHaveURL(/\/schedule\?q=Mahler$/);
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue("all");
  await expect(page.getByRole("heading", { level: 2, name: /Saturday 26 August 2017/ })).toBeVisible();
  const result = page.getByRole("link", { name: "Mahler: Symphony No. 8" });
  await expect(result.locator("mark")).toHaveText("Mahler");
  await result.click();
  await expect(page.getByRole("heading", { level: 1, name: "Mahler: Symphony No. 8" })).toBeVisible();
});

test("ASTANA-OPERA finds the same events as Astana Opera, with a count per day one click from the day", async ({ page }) => {
  await page.goto("/schedule?q=Astana%20Opera");
  const count = await page.getByRole("status").filter({ hasText: "match" }).textContent();
  await page.goto("/schedule?q=ASTANA-OPERA");
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText(count ?? "");
  const byDay = page.getByRole("navigation", { name: "Matches by day" });
  const firstDay = byDay.getByRole("link").first();
  await firstDay.click();
  await expect(page).toHaveURL(/date=2017-\d\d-\d\d&q=ASTANA-OPERA$/);
});

async function saveFromEventPage(page: Page, slug: string): Promise<void> {
  await page.goto(`/events/${slug}`);
  const actions = page.locator(".event-actions");
  await actions.getByRole("button", { name: "Save to itinerary" }).click();
  await expect(actions.getByRole("button", { name: "Remove from itinerary" })).toBeEnabled();
}

test("a shared link shows the chosen day's events to a friend without the owner's email, and 404s once revoked", async ({ page, browser }) => {
  const email = await signUp(page, uniqueEmail("share"), "Aigerim Share");
  await saveFromEventPage(page, "pakistan-day-ceremony");
  await saveFromEventPage(page, "mahler-symphony-no-8");
  await page.goto("/itinerary");

  const panel = page.getByRole("region", { name: "Share your plan" });
  await panel.getByRole("checkbox", { name: /26 Aug/ }).uncheck();
  await panel.getByRole("button", { name: "Create share link" }).click();
  const url = await panel.getByLabel(/Share link for/).inputValue();
  expect(url).toMatch(/\/i\/[A-Za-z0-9_-]{43}$/);

  const friend = await browser.newContext();
  const friendPage = await friend.newPage();
  const opened = await friendPage.goto(url);
  expect(opened?.status()).toEqual(200);
  await expect(friendPage.getByRole("link", { name: "Pakistan Day ceremony" })).toBeVisible();
  await expect(friendPage.getByRole("link", { name: "Mahler: Symphony No. 8" })).toHaveCount(0);
  expect(await friendPage.content()).not.toContain(email);
  await expect(friendPage.getByRole("heading", { level: 1 })).toHaveText("A shared EXPO 2017 plan");
  expect(await severeAxeViolations(friendPage)).toEqual([]);
  // The friend saves it with one click (kept on their device until they sign in).
  await friendPage.getByRole("button", { name: "Save to itinerary" }).click();
  await expect(friendPage.getByRole("button", { name: "Remove from itinerary" })).toBeVisible();

  await panel.getByRole("button", { name: /Revoke/ }).click();
  await expect(panel.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  const afterRevoke = await friendPage.goto(url);
  expect(afterRevoke?.status()).toEqual(404);
  await friend.close();
});

test("a chosen reminder reaches the itinerary download as a VALARM", async ({ page }) => {
  await signUp(page, uniqueEmail("reminder"));
  await saveFromEventPage(page, "pakistan-day-evening-concert");
  await page.goto("/itinerary");

  const panel = page.getByRole("region", { name: "Reminders" });
  await expect(panel.getByRole("radio", { name: "No reminder" })).toBeChecked();
  await panel.getByRole("radio", { name: "30 minutes before" }).check();
  await panel.getByRole("button", { name: "Save reminder" }).click();
  await expect(panel.getByRole("status")).toContainText("30 minutes before");

  const ics = await (await page.request.get("/api/itinerary/calendar.ics")).text();
  expect(ics).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\n(?:[^\r\n]*\r\n)*?TRIGGER:-PT30M\r\n/);
  // A fresh load shows the stored choice and the links the server read: no request to the API.
  const apiCalls: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/")) apiCalls.push(request.url());
  });
  await page.reload();
  await expect(panel.getByRole("radio", { name: "30 minutes before" })).toBeChecked();
  await page.waitForLoadState("networkidle");
  expect(apiCalls).toEqual([]);
});

test("without JavaScript, the reminder and share forms still post and answer", async ({ browser }) => {
  // An address of its own, so this sign-up cannot reach the per-address sign-up limit of the
  // other tests, which all come from localhost.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.81" } });
  const page = await context.newPage();
  await signUp(page, uniqueEmail("noscript"));
  await saveFromEventPage(page, "pakistan-day-ceremony");
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  try {
    const plain = await noScript.newPage();
    await plain.goto("/itinerary");
    const reminders = plain.getByRole("region", { name: "Reminders" });
    await reminders.getByRole("radio", { name: "1 hour before" }).check();
    await reminders.getByRole("button", { name: "Save reminder" }).click();
    await expect(reminders.getByRole("status")).toContainText("1 hour before");
    await expect(reminders.getByRole("radio", { name: "1 hour before" })).toBeChecked();

    const share = plain.getByRole("region", { name: "Share your plan" });
    await share.getByRole("button", { name: "Create share link" }).click();
    expect(await share.getByLabel(/Share link for/).inputValue()).toMatch(/\/i\/[A-Za-z0-9_-]{43}$/);
    await share.getByRole("button", { name: /Revoke/ }).click();
    await expect(share.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
    await expect(share.getByLabel(/Share link for/)).toHaveCount(0);

    // No day chosen: the server's answer names the problem.
    await share.getByRole("group", { name: "Days to share" }).getByRole("checkbox").uncheck();
    await share.getByRole("button", { name: "Create share link" }).click();
    await expect(share.getByRole("alert")).toContainText("days must name at least one day");
  } finally {
    await noScript.close();
    await context.close();
  }
});
