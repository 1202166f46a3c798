// Issue 10's flow: an organiser reschedules and cancels events a visitor saved; the visitor's
// /itinerary says so in plain words, their private feed carries the new time with a higher
// SEQUENCE, and the cancelled event's page reads "Cancelled". Also the /admin pages' 401 and 403.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { Client } from "pg";
import { PASSWORD, uniqueEmail } from "./helpers/visitor";

// scripts/e2e.ts gives the server (and Playwright) ADMIN_EMAILS; its first address is the organiser.
const ADMIN_EMAIL = (process.env.ADMIN_EMAILS ?? "organiser-e2e@example.test").split(",")[0].trim();
const UTC_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface PickedEvent {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

let moved: PickedEvent;
let cancelled: PickedEvent;

// Two scheduled July events with titles of their own, from the middle of a day's list so the
// other specs' first-of-the-day picks are left alone.
test.beforeAll(async () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<PickedEvent>(`
      SELECT slug, title, "startsAt", "endsAt" FROM "Event"
      WHERE status = 'SCHEDULED' AND "startsAt" >= '2017-07-20T00:00:00Z' AND "startsAt" < '2017-07-21T00:00:00Z'
      ORDER BY "startsAt", id OFFSET 3 LIMIT 20`);
    const distinct = rows.filter((event, index) => rows.findIndex((other) => other.title === event.title) === index);
    [moved, cancelled] = [distinct[0], distinct[1]];
  } finally {
    await client.end();
  }
});

/** Astana wall time (+06:00 all summer 2017) of an instant, in the admin form's "2017-07-13 19:00" form. */
function astanaInput(instant: Date): string {
  return new Date(instant.getTime() + 6 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** "Thu 20 Jul 19:00", as the itinerary describes a time. */
function astanaLabel(instant: Date): string {
  const zoned = new Date(instant.getTime() + 6 * 3600_000);
  const time = zoned.toISOString().slice(11, 16);
  return `${UTC_DAYS[zoned.getUTCDay()]} ${zoned.getUTCDate()} ${MONTHS[zoned.getUTCMonth()]} ${time}`;
}

/** "20170721T140000Z" */
function icsUtc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** The VEVENT of one event in a feed, unfolded enough to read its one-line properties. */
function vevent(feed: string, slug: string): string {
  const block = feed.split("BEGIN:VEVENT").find((part) => part.includes(`\r\nUID:${slug}@expo2017-schedule\r\n`));
  if (!block) throw new Error(`no VEVENT for ${slug} in the feed`);
  return block.split("END:VEVENT")[0].replace(/\r\n[ \t]/g, "");
}

function property(event: string, name: string): string | undefined {
  return event.split("\r\n").find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1);
}

/** A browser context with an address of its own: the e2e server trusts X-Forwarded-For, and sign-ups are limited per address. */
async function contextWithAddress(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${Math.floor(Math.random() * 250) + 1}` } });
}

/**
 * helpers/visitor.ts's signUp with more patience: this spec's first sign-up may meet a cold server
 * (password hashing and first renders on a loaded machine) and took over 10 s once.
 */
async function signUp(page: Page, email: string, name: string): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("banner").getByText("Signed in as")).toBeVisible({ timeout: 30_000 });
}

async function save(page: Page, slug: string): Promise<void> {
  await page.goto(`/events/${slug}`);
  await page.locator(".event-actions").getByRole("button", { name: "Save to itinerary" }).click();
  await expect(page.locator(".event-actions").getByRole("button", { name: "Remove from itinerary" })).toBeVisible();
}

/** Opens the event's /admin form, changes the given fields, saves and waits for "Saved.". */
async function editAsAdmin(page: Page, slug: string, change: (form: ReturnType<Page["locator"]>) => Promise<void>): Promise<void> {
  const response = await page.goto(`/admin/events/${slug}`);
  expect(response?.status()).toEqual(200);
  const form = page.locator("form.admin-event-form");
  await change(form);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
}

test("an organiser reschedules and cancels saved events; the visitor's itinerary, private feed and event page follow", async ({ browser }) => {
  test.slow();
  const visitorContext = await contextWithAddress(browser);
  const visitor = await visitorContext.newPage();
  await signUp(visitor, uniqueEmail("organiser-visitor"), "Visitor Organiser");
  await save(visitor, moved.slug);
  await save(visitor, cancelled.slug);

  await visitor.goto("/itinerary");
  const panel = visitor.getByRole("region", { name: "Your itinerary in your calendar" });
  await panel.getByRole("button", { name: "Create private feed" }).click();
  const feedUrl = await panel.getByRole("textbox", { name: "Feed address for your itinerary" }).inputValue();
  const before = await visitor.request.get(feedUrl);
  expect(before.status()).toEqual(200);
  const beforeText = await before.text();
  const movedBefore = vevent(beforeText, moved.slug);
  expect(property(movedBefore, "DTSTART")).toEqual(icsUtc(moved.startsAt));
  const sequenceBefore = Number(property(movedBefore, "SEQUENCE"));
  const cancelledSequenceBefore = Number(property(vevent(beforeText, cancelled.slug), "SEQUENCE"));

  const adminContext = await contextWithAddress(browser);
  const admin = await adminContext.newPage();
  await signUp(admin, ADMIN_EMAIL, "Organiser Test");
  await expect(admin.getByRole("banner").getByRole("link", { name: "Admin" })).toBeVisible();

  // One day and one hour later, through the edit form in the browser.
  const shift = 25 * 3600_000;
  const newStart = new Date(moved.startsAt.getTime() + shift);
  const newEnd = new Date(moved.endsAt.getTime() + shift);
  await editAsAdmin(admin, moved.slug, async (form) => {
    // The form shows the stored time in Astana time ("2017-07-20T11:00"); it accepts "2017-07-20 11:00" too.
    await expect(form.getByLabel("Starts")).toHaveValue(astanaInput(moved.startsAt).replace(" ", "T"));
    await form.getByLabel("Starts").fill(astanaInput(newStart));
    await form.getByLabel("Ends").fill(astanaInput(newEnd));
  });
  await editAsAdmin(admin, cancelled.slug, async (form) => {
    await form.getByLabel("Status").selectOption("cancelled");
  });

  // The visitor's itinerary: the change in plain words, old → new, and "Cancelled".
  await visitor.goto("/itinerary");
  const changes = visitor.getByRole("region", { name: /^Changed since you saved/ });
  const movedLine = changes.getByTestId("saved-event-change").filter({ hasText: moved.title });
  await expect(movedLine).toContainText(`${astanaLabel(moved.startsAt)} → ${astanaLabel(newStart)}`);
  await expect(changes.getByTestId("saved-event-change").filter({ hasText: cancelled.title })).toContainText("Cancelled");

  // The private feed: the new time in UTC, a higher SEQUENCE, the same UID; the cancelled event says so.
  const after = await visitor.request.get(feedUrl);
  expect(after.status()).toEqual(200);
  const afterText = await after.text();
  const movedAfter = vevent(afterText, moved.slug);
  expect(property(movedAfter, "DTSTART")).toEqual(icsUtc(newStart));
  expect(property(movedAfter, "DTEND")).toEqual(icsUtc(newEnd));
  expect(Number(property(movedAfter, "SEQUENCE"))).toBeGreaterThan(sequenceBefore);
  const cancelledAfter = vevent(afterText, cancelled.slug);
  expect(property(cancelledAfter, "STATUS")).toEqual("CANCELLED");
  expect(property(cancelledAfter, "SUMMARY")).toMatch(/^Cancelled: /);
  expect(Number(property(cancelledAfter, "SEQUENCE"))).toBeGreaterThan(cancelledSequenceBefore);

  // The cancelled event's own page.
  await visitor.goto(`/events/${cancelled.slug}`);
  await expect(visitor.getByText("This event is cancelled.")).toBeVisible();

  await adminContext.close();
  await visitorContext.close();
});

test("/admin answers 401 to a signed-out visitor and 403 to a signed-in visitor who is not an organiser", async ({ browser }) => {
  const context = await contextWithAddress(browser);
  const page = await context.newPage();
  const signedOut = await page.goto("/admin");
  expect(signedOut?.status()).toEqual(401);
  await expect(page.getByRole("heading", { name: "Sign in required" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/signin?callbackUrl=%2Fadmin");
  expect((await page.request.get("/api/admin/events")).status()).toEqual(401);

  await signUp(page, uniqueEmail("not-organiser"), "Not Organiser");
  await expect(page.getByRole("banner").getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/events/new", `/admin/events/${moved.slug}`]) {
    const response = await page.goto(path);
    expect([path, response?.status()]).toEqual([path, 403]);
  }
  await expect(page.getByRole("heading", { name: "Organisers only" })).toBeVisible();
  expect((await page.request.get("/api/admin/events")).status()).toEqual(403);
  await context.close();
});

/** The organiser's account: signed up by the first test of this file, or here when run alone. */
async function signInAsOrganiser(page: Page): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  let exists: boolean;
  try {
    exists = (await client.query(`SELECT 1 FROM "User" WHERE lower(email) = lower($1)`, [ADMIN_EMAIL])).rowCount === 1;
  } finally {
    await client.end();
  }
  if (!exists) return signUp(page, ADMIN_EMAIL, "Organiser Test");
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(ADMIN_EMAIL);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("banner").getByText("Signed in as")).toBeVisible({ timeout: 30_000 });
}

test("an organiser creates, edits and deletes a venue and edits a national day's timeline through the /admin forms; a bad field shows its error", async ({ browser }) => {
  test.slow();
  const context = await contextWithAddress(browser);
  const page = await context.newPage();
  await signInAsOrganiser(page);
  const suffix = Date.now().toString(36);

  // A venue: a latitude out of range is named next to its field, in the browser, before sending.
  await page.goto("/admin");
  await page.getByRole("main").getByRole("link", { name: "Venues", exact: true }).click();
  await page.getByRole("link", { name: "New venue" }).click();
  const venueForm = page.locator("form.admin-venue-form");
  await venueForm.locator('input[name="name"]').fill("E2E Hall");
  await venueForm.locator('input[name="slug"]').fill(`e2e-hall-${suffix}`);
  await venueForm.locator('select[name="kind"]').selectOption("concert_hall");
  await venueForm.locator('input[name="address"]').fill("1 Test Street, Astana");
  await venueForm.locator('input[name="latitude"]').fill("123");
  await venueForm.locator('input[name="longitude"]').fill("71.41");
  await venueForm.getByRole("button", { name: "Create venue" }).click();
  await expect(venueForm.locator("#venue-latitude-problem")).toHaveText("must be -90 to 90");
  await expect(venueForm.locator('input[name="latitude"]')).toHaveAttribute("aria-invalid", "true");
  await venueForm.locator('input[name="latitude"]').fill("51.09");
  await venueForm.getByRole("button", { name: "Create venue" }).click();
  await expect(page.getByRole("heading", { name: "Edit venue: E2E Hall" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/admin/venues/e2e-hall-${suffix}$`));

  await page.locator('form.admin-venue-form input[name="name"]').fill("E2E Grand Hall");
  await page.locator("form.admin-venue-form").getByRole("button", { name: "Save venue" }).click();
  await expect(page.getByRole("heading", { name: "Edit venue: E2E Grand Hall" })).toBeVisible();
  await page.goto(`/venues/e2e-hall-${suffix}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("E2E Grand Hall");

  // Deleting it (no event uses it) asks first, then goes back to the list without it.
  await page.goto(`/admin/venues/e2e-hall-${suffix}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete this venue" }).click();
  await expect(page).toHaveURL(/\/admin\/venues$/);
  await expect(page.getByRole("link", { name: "E2E Grand Hall" })).toHaveCount(0);

  // A national day with a timeline, then its timeline edited; a bad line is named.
  await page.goto("/admin/national-days/new");
  const dayForm = page.locator("form.admin-national-day-form");
  await dayForm.locator('input[name="name"]').fill("E2E National Day");
  await dayForm.locator('input[name="slug"]').fill(`e2e-day-${suffix}`);
  await dayForm.locator('input[name="country"]').fill("Testland");
  await dayForm.locator('input[name="date"]').fill("2017-08-20");
  await dayForm.locator('textarea[name="timeline"]').fill("1992-02-24 | 24 February 1992 | Relations established.");
  await dayForm.getByRole("button", { name: "Create national day" }).click();
  await expect(page.getByRole("heading", { name: "Edit national day: E2E National Day" })).toBeVisible();

  const editForm = page.locator("form.admin-national-day-form");
  await editForm.locator('textarea[name="timeline"]').fill("1992-02-24 | 24 February 1992 | Relations established.\n1995-13-01 | Someday | Bad date.");
  await editForm.getByRole("button", { name: "Save national day" }).click();
  await expect(editForm.locator("#national-day-timeline-problem")).toHaveText("Line 2: the date must be a date YYYY-MM-DD");
  await editForm.locator('textarea[name="timeline"]').fill("1992-02-24 | 24 February 1992 | Relations established.\n2017-08-20 | 20 August 2017 | Testland Day at EXPO 2017.");
  // The saved form is shown again at its new version, so the answer itself says it was saved.
  const [saved] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "PATCH" && response.url().includes(`/api/admin/national-days/e2e-day-${suffix}`)),
    editForm.getByRole("button", { name: "Save national day" }).click(),
  ]);
  expect(saved.status()).toEqual(200);

  await page.goto(`/national-days/e2e-day-${suffix}`);
  await expect(page.getByText("Testland Day at EXPO 2017.")).toBeVisible();
  await context.close();
});
