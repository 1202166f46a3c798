import { expect, test } from "@playwright/test";
import { Client } from "pg";
import { severeAxeViolations } from "./helpers/axe";
import { signUp } from "./helpers/visitor";

async function query<T>(sql: string): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

test("every pin links to its venue, ?venue= highlights one, and the city inset gives distances", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto("/map?venue=astana-opera");
  const venueCount = Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "Venue"`))[0].n);
  await expect(page.locator("a[data-venue]")).toHaveCount(venueCount);
  const opera = page.getByRole("link", { name: "Astana Opera (highlighted)" });
  await expect(opera).toHaveAttribute("aria-current", "location");
  await expect(page.getByRole("group", { name: "Venues elsewhere in Astana" }).getByText("5.2 km")).toBeVisible();
  expect(await severeAxeViolations(page)).toEqual([]);
  // A visitor taps the pin itself: the link's box also spans its label, and the middle of that box
  // can fall between the label's letters onto the grounds (it moves with the font, which may or
  // may not be used: font-display optional).
  await page.getByRole("link", { name: "Tent 3", exact: true }).locator("circle").click();
  await expect(page).toHaveURL(/\/venues\/tent-03$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tent 3" })).toBeVisible();
  await page.getByRole("link", { name: "Show on map" }).click();
  await expect(page.getByRole("link", { name: "Tent 3 (highlighted)" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("at 375 px the map does not make the page scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/map");
  const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(size.scroll).toBeLessThanOrEqual(size.client);
});

test("Show my day on the map draws the saved events of that day in order with walking times", async ({ page }) => {
  // Two events of one day at different venues, the second starting after the first ends.
  const [pair] = await query<{ a: string; b: string; a_title: string; b_title: string }>(`
    SELECT a.slug AS a, b.slug AS b, a.title AS a_title, b.title AS b_title
    FROM "Event" a JOIN "Event" b ON a."venueId" <> b."venueId" AND b."startsAt" >= a."endsAt" + interval '30 minutes'
      AND b."startsAt" < a."endsAt" + interval '3 hours' AND a.title <> b.title
    WHERE a.status = 'SCHEDULED' AND b.status = 'SCHEDULED' AND a."startsAt" >= '2017-07-05T00:00:00Z'
    ORDER BY a."startsAt", a.id, b.id LIMIT 1`);
  // An address of its own (the e2e server trusts X-Forwarded-For): the other specs' sign-ups from
  // the default address would otherwise reach the sign-up limit within the run.
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${Math.floor(Math.random() * 250) + 1}` });
  await signUp(page);
  for (const slug of [pair.b, pair.a]) {
    await page.goto(`/events/${slug}`);
    const actions = page.locator(".event-actions");
    await actions.getByRole("button", { name: "Save to itinerary" }).click();
    await expect(actions.getByRole("button", { name: "Remove from itinerary" })).toBeEnabled();
  }
  await page.goto("/itinerary");
  await page.getByRole("link", { name: "Show my day on the map" }).first().click();
  await expect(page).toHaveURL(/\/map\?date=2017-\d\d-\d\d&route=itinerary$/);
  const stops = page.getByRole("heading", { name: /^Your day:/ }).locator("..").getByRole("listitem");
  await expect(stops).toHaveCount(2);
  await expect(stops.nth(0)).toContainText(pair.a_title);
  await expect(stops.nth(1)).toContainText(pair.b_title);
  await expect(stops.nth(0)).toContainText(/Walk \d+ min \(\d+(?:\.\d)? k?m\) from /);
  await expect(page.getByText(/^Walking in all: \d+ min/)).toBeVisible();
  expect(await severeAxeViolations(page)).toEqual([]);
});

test("the route needs a session: a signed-out visitor is sent to sign in", async ({ page }) => {
  await page.goto("/map?date=2017-08-14&route=itinerary");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});
