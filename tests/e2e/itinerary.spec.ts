import { expect, test, type Page } from "@playwright/test";
import { startApp } from "./helpers/app-ready";
import { severeAxeViolations } from "./helpers/axe";
import { Client } from "pg";
import { PASSWORD, signUp as signUpVisitor, uniqueEmail } from "./helpers/visitor";

// The e2e database is the seeded programme; the events are picked from it, not hard-coded.
async function query<T>(sql: string): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

interface PickedEvent {
  slug: string;
  title: string;
}

let overlappingA: PickedEvent;
let overlappingB: PickedEvent;
let separate: PickedEvent;
let laterOne: PickedEvent;
let laterTwo: PickedEvent;

test.beforeAll(async () => {
  const [pair] = await query<{ a_slug: string; a_title: string; b_slug: string; b_title: string; ends: Date }>(`
    SELECT a.slug AS a_slug, a.title AS a_title, b.slug AS b_slug, b.title AS b_title, GREATEST(a."endsAt", b."endsAt") AS ends
    FROM "Event" a JOIN "Event" b ON a.id < b.id AND a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt"
    WHERE a.status = 'SCHEDULED' AND b.status = 'SCHEDULED' AND a.title <> b.title
    ORDER BY a."startsAt", a.id, b.id LIMIT 1`);
  overlappingA = { slug: pair.a_slug, title: pair.a_title };
  overlappingB = { slug: pair.b_slug, title: pair.b_title };
  const others = await query<PickedEvent>(`
    SELECT slug, title FROM "Event"
    WHERE status = 'SCHEDULED' AND "startsAt" > '${new Date(pair.ends).toISOString()}'::timestamptz + interval '2 days'
    ORDER BY "startsAt", id LIMIT 40`);
  // Three events on different days, each with a title of its own, so no two of them clash.
  const distinct = others.filter(
    (event, index) =>
      others.findIndex((other) => other.title === event.title) === index && event.title !== pair.a_title && event.title !== pair.b_title,
  );
  [separate, laterOne, laterTwo] = [distinct[0], distinct[10], distinct[20]];
});


async function saveFromEventPage(page: Page, event: PickedEvent): Promise<void> {
  await page.goto(`/events/${event.slug}`);
  const actions = page.locator(".event-actions");
  await actions.getByRole("button", { name: "Save to itinerary" }).click();
  // The label flips at once; the button is enabled again once the server has answered.
  await expect(actions.getByRole("button", { name: "Remove from itinerary" })).toBeEnabled();
}

async function signUp(page: Page, email: string): Promise<void> {
  await signUpVisitor(page, email, "Aigerim Test");
  await expect(page).toHaveURL(/\/itinerary$/);
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/signin?callbackUrl=%2Fitinerary");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/itinerary$/);
}

test("a visitor signs up, saves three events, sees the clash, and finds the plan again after signing out and in", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email);
  await expect(page.getByText("Nothing saved yet.")).toBeVisible();

  for (const event of [overlappingA, overlappingB, separate]) await saveFromEventPage(page, event);

  await page.goto("/itinerary");
  const main = page.getByRole("main");
  for (const event of [overlappingA, overlappingB, separate]) {
    await expect(main.getByRole("heading", { name: event.title, exact: true })).toBeVisible();
  }
  await expect(main.getByText(`Conflict: overlaps with ${overlappingB.title}`)).toBeVisible();
  await expect(main.getByText(`Conflict: overlaps with ${overlappingA.title}`)).toBeVisible();
  await expect(main.getByText(/^3 saved events, 2 with a time conflict/)).toBeVisible();

  await page.reload();
  await expect(main.getByText(`Conflict: overlaps with ${overlappingB.title}`)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/itinerary");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fitinerary$/);

  await signIn(page, email);
  for (const event of [overlappingA, overlappingB, separate]) {
    await expect(main.getByRole("heading", { name: event.title, exact: true })).toBeVisible();
  }
  await expect(main.getByText(`Conflict: overlaps with ${overlappingB.title}`)).toBeVisible();
});

test("times on /itinerary read like the schedule's, with the offset, and follow the chosen display zone", async ({ page }) => {
  await signUp(page, uniqueEmail());
  await saveFromEventPage(page, separate);
  await page.goto("/itinerary");
  const time = page.locator(`#saved-${separate.slug} time.event-time`);
  await expect(time).toHaveText(/^\d\d:\d\d–\d\d:\d\d( \(\+1 day\))? Astana, UTC\+6$/);
  await page.getByLabel("Show times in").selectOption("UTC");
  await expect(time).toHaveText(/^\d\d:\d\d–\d\d:\d\d( \(\+1 day\))? UTC$/);
});

test("events saved before signing in are kept on the device, then merged into the account", async ({ page }) => {
  await saveFromEventPage(page, laterOne);
  await saveFromEventPage(page, laterTwo);
  const notice = page.getByText("Saved on this device — sign in to keep them everywhere");
  await expect(notice).toBeVisible();
  // Still saved after a reload, before any account exists.
  await page.reload();
  await expect(page.locator(".event-actions").getByRole("button", { name: "Remove from itinerary" })).toBeVisible();

  await signUp(page, uniqueEmail());
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: laterOne.title, exact: true })).toBeVisible();
  await expect(main.getByRole("heading", { name: laterTwo.title, exact: true })).toBeVisible();
  await expect(page.getByText("2 events saved on this device were added to your itinerary.")).toBeVisible();
  await expect(notice).toHaveCount(0);
  expect(await page.evaluate(() => window.localStorage.getItem("expo2017.deviceSaves"))).toEqual(null);

  await page.reload();
  await expect(main.getByRole("heading", { name: laterOne.title, exact: true })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test("a save the server refuses is rolled back with a message", async ({ page }) => {
  await signUp(page, uniqueEmail());
  await page.goto(`/events/${separate.slug}`);
  // Saves go to a server action: a POST to the page itself with a Next-Action header.
  await page.route(`**/events/${separate.slug}`, (route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"]
      ? route.fulfill({ status: 503, contentType: "text/plain", body: "Service Unavailable" })
      : route.continue(),
  );
  const actions = page.locator(".event-actions");
  await actions.getByRole("button", { name: "Save to itinerary" }).click();
  await expect(actions.getByRole("alert")).toHaveText(`${separate.title}: No connection: the itinerary was not changed. Try again.`);
  await expect(actions.getByRole("button", { name: "Save to itinerary" })).toBeEnabled();
});

test("the save button works with JavaScript disabled (a plain form post) and enabled; the saved state comes with the HTML", async ({ browser }) => {
  // An address of its own (TRUST_PROXY is on in e2e), so this sign-up does not count against the
  // sign-up limit of the other tests, which all come from localhost.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.80" } });
  const page = await context.newPage();
  await signUp(page, uniqueEmail());
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  try {
    const plain = await noScript.newPage();
    await plain.goto(`/events/${laterOne.slug}`);
    const actions = plain.locator(".event-actions");
    // Rendered by the server in the saved state it knows: no script has run on this page.
    await actions.getByRole("button", { name: "Save to itinerary" }).click();
    await expect(actions.getByRole("button", { name: "Remove from itinerary" })).toBeVisible();
    const saved = await page.request.get("/api/itinerary");
    expect(((await saved.json()) as { items: { slug: string }[] }).items.map((item) => item.slug)).toEqual([laterOne.slug]);
    await actions.getByRole("button", { name: "Remove from itinerary" }).click();
    await expect(actions.getByRole("button", { name: "Save to itinerary" })).toBeVisible();
  } finally {
    await noScript.close();
  }

  // With JavaScript: the same form, answered without leaving the page.
  await page.goto(`/events/${laterOne.slug}`);
  await page.evaluate(() => ((window as unknown as { stayedOnPage: boolean }).stayedOnPage = true));
  await page.locator(".event-actions").getByRole("button", { name: "Save to itinerary" }).click();
  await expect(page.locator(".event-actions").getByRole("button", { name: "Remove from itinerary" })).toBeEnabled();
  expect(await page.evaluate(() => (window as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toEqual(true);

  // A fresh load shows the saved state without asking the API (no session → itinerary waterfall).
  const apiCalls: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/")) apiCalls.push(request.url());
  });
  await page.goto(`/events/${laterOne.slug}`);
  await expect(page.locator(".event-actions").getByRole("button", { name: "Remove from itinerary" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(apiCalls).toEqual([]);
  await context.close();
});

test("without JavaScript, a signed-out visitor's save asks them to sign in and come back", async ({ browser }) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  try {
    const plain = await noScript.newPage();
    await plain.goto(`/events/${laterTwo.slug}`);
    await plain.locator(".event-actions").getByRole("button", { name: "Save to itinerary" }).click();
    await expect(plain).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(`/events/${laterTwo.slug}`)}$`));
  } finally {
    await noScript.close();
  }
});

test("the API refuses a visitor without a session, and another site's writes", async ({ page, request }) => {
  const anonymous = await request.get("/api/itinerary");
  expect([anonymous.status(), await anonymous.json()]).toEqual([401, { error: "Sign in to use your itinerary." }]);

  await signUp(page, uniqueEmail());
  const crossSite = await page.request.put(`/api/itinerary/${separate.slug}`, {
    headers: { Origin: "https://evil.example" },
    data: {},
  });
  expect(crossSite.status()).toEqual(403);
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect({ httpOnly: session?.httpOnly, sameSite: session?.sameSite }).toEqual({ httpOnly: true, sameSite: "Lax" });
});

test("/itinerary with a conflict and a note has no serious or critical axe violations, at 375 px too", async ({ page }) => {
  await signUp(page, uniqueEmail());
  for (const event of [overlappingA, overlappingB]) {
    expect((await page.request.put(`/api/itinerary/${event.slug}`, { data: { note: "Meet at the north gate" }, headers: { Origin: new URL(page.url()).origin } })).status()).toEqual(201);
  }
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/itinerary");
    await expect(page.getByRole("main").getByText(`Conflict: overlaps with ${overlappingA.title}`)).toBeVisible();
    expect(await severeAxeViolations(page)).toEqual([]);
  }
});

test("a note is saved from /itinerary and survives a reload; a note over 1,000 characters cannot be typed", async ({ page }) => {
  await signUp(page, uniqueEmail());
  await saveFromEventPage(page, separate);
  await page.goto("/itinerary");
  const note = page.getByLabel(`Note for ${separate.title}`);
  await note.fill("Bring the tickets");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Note saved.");
  await page.reload();
  await expect(note).toHaveValue("Bring the tickets");
  // The app first (decision 026): fill() selects the old text and types in two steps, and React's
  // hydration of a prefilled textarea in between would put its caret back at the start.
  await startApp(page);
  await note.fill("x".repeat(1005));
  await expect(note).toHaveValue("x".repeat(1000));

  await page.getByRole("button", { name: `Remove ${separate.title} from itinerary` }).click();
  await expect(page.getByRole("main").getByText("Nothing saved yet.")).toBeVisible();
});
