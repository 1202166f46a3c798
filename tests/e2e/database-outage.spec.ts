// Issue 11, item 4, against a real `next start` of the production build: with its PostgreSQL
// stopped, every route handler answers 503 JSON with Retry-After (never 500), a page that needs the
// database answers a friendly 503 page without internals, pages and feeds already cached keep
// being served, and once PostgreSQL is back everything answers again without restarting the app.
// The spec runs an app and an embedded PostgreSQL of its own: the shared e2e app must keep its
// database.
import { expect, test, type APIResponse } from "@playwright/test";
import { ensureDatabase } from "../../scripts/lib/database-lifecycle";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { prepareDatabase } from "../../scripts/lib/local-database";
import { makeScratchDataDir } from "../../scripts/lib/postgres-home";
import fs from "node:fs";
import { newApiVisitor, signInThroughApi, signUpThroughApi, type ApiVisitor } from "./helpers/api-visitor";
import { routeHandlers } from "./helpers/api-routes";
import { becomesTrue, startApp, type OwnApp } from "./helpers/own-app";
import { uniqueEmail } from "./helpers/visitor";

test.describe.configure({ mode: "serial", timeout: 300_000 });

const EVENT = "mahler-symphony-no-8";
const UUID = "00000000-0000-4000-8000-000000000000";
const ADMIN = uniqueEmail("outage-admin");

let dataDir: string;
let postgres: RunningPostgres;
let app: OwnApp;
let admin: ApiVisitor;

// One request per handler, with input that passes validation, so the answer depends only on the
// database. `withoutDatabase` names the status of the few answers that need no database at all.
interface Call {
  path: string;
  body?: unknown;
  withoutDatabase?: number;
}
const CALLS: Record<string, Call> = {
  "GET /api/admin/events/[slug]": { path: `/api/admin/events/${EVENT}` },
  "PATCH /api/admin/events/[slug]": { path: `/api/admin/events/${EVENT}`, body: { version: 999999, title: "Changed in an outage" } },
  "DELETE /api/admin/events/[slug]": { path: `/api/admin/events/${EVENT}?version=999999` },
  "GET /api/admin/events": { path: "/api/admin/events?q=mahler" },
  "POST /api/admin/events": { path: "/api/admin/events", body: {} },
  "GET /api/admin/export.csv": { path: "/api/admin/export.csv" },
  "GET /api/admin/export.json": { path: "/api/admin/export.json" },
  "POST /api/admin/import": { path: "/api/admin/import?dryRun=true", body: { events: [] } },
  "POST /api/admin/national-days": {
    path: "/api/admin/national-days",
    body: { slug: "outage-day", name: "Outage Day", country: "Outage", date: "2017-08-20", summary: "Made during an outage." },
  },
  "DELETE /api/admin/national-days/[slug]": { path: `/api/admin/national-days/outage-day?updatedAt=${encodeURIComponent(new Date().toISOString())}` },
  "DELETE /api/admin/venues/[slug]": { path: `/api/admin/venues/outage-hall?updatedAt=${encodeURIComponent(new Date().toISOString())}` },
  "PATCH /api/admin/national-days/[slug]": { path: "/api/admin/national-days/pakistan-day", body: { updatedAt: new Date().toISOString() } },
  "PATCH /api/admin/venues/[slug]": { path: "/api/admin/venues/nur-alem", body: { updatedAt: new Date().toISOString(), name: "Nur Alem" } },
  "POST /api/admin/venues": {
    path: "/api/admin/venues",
    body: { slug: "outage-hall", name: "Outage Hall", kind: "pavilion", address: "Astana", latitude: 51.09, longitude: 71.41 },
  },
  // next-auth's session and CSRF answers read the JWT cookie only: no database, no outage.
  "GET /api/auth/[...nextauth]": { path: "/api/auth/session", withoutDatabase: 200 },
  "POST /api/auth/[...nextauth]": { path: "/api/auth/callback/credentials" }, // body set once the CSRF token is known
  "POST /api/auth/signup": { path: "/api/auth/signup", body: { name: "New Visitor", email: uniqueEmail("outage"), password: "a long enough passphrase 42" } },
  "GET /api/calendar-feed": { path: "/api/calendar-feed" },
  "POST /api/calendar-feed": { path: "/api/calendar-feed" },
  "DELETE /api/calendar-feed": { path: "/api/calendar-feed" },
  "GET /api/changes": { path: "/api/changes" },
  "GET /api/events/[slug]": { path: `/api/events/${EVENT}` },
  "GET /api/events": { path: "/api/events?date=2017-08-15&limit=7" },
  "GET /api/health": { path: "/api/health" },
  "PUT /api/itinerary/[eventSlug]": { path: `/api/itinerary/${EVENT}`, body: {} },
  "DELETE /api/itinerary/[eventSlug]": { path: `/api/itinerary/${EVENT}` },
  "GET /api/itinerary/calendar.ics": { path: "/api/itinerary/calendar.ics" },
  "HEAD /api/itinerary/calendar.ics": { path: "/api/itinerary/calendar.ics" },
  "POST /api/itinerary/changes/[eventSlug]": { path: `/api/itinerary/changes/${EVENT}`, body: {} },
  "POST /api/itinerary/merge": { path: "/api/itinerary/merge", body: { slugs: [EVENT] } },
  "GET /api/itinerary": { path: "/api/itinerary" },
  "GET /api/national-days/[slug]": { path: "/api/national-days/pakistan-day" },
  "GET /api/national-days": { path: "/api/national-days?outage=1" },
  "GET /api/reminders": { path: "/api/reminders" },
  "PUT /api/reminders": { path: "/api/reminders", body: { reminder: "15" } },
  "DELETE /api/share-links/[id]": { path: `/api/share-links/${UUID}` },
  "GET /api/share-links": { path: "/api/share-links" },
  "POST /api/share-links": { path: "/api/share-links", body: { days: ["2017-08-14"], showName: false } },
  "GET /api/venues/[slug]": { path: "/api/venues/nur-alem" },
  "GET /api/venues": { path: "/api/venues?outage=1" },
  "GET /calendar/events/[file]": { path: `/calendar/events/${EVENT}.ics` },
  "HEAD /calendar/events/[file]": { path: `/calendar/events/${EVENT}.ics` },
  "GET /calendar/expo-2017.ics": { path: "/calendar/expo-2017.ics?q=outage-check" },
  "HEAD /calendar/expo-2017.ics": { path: "/calendar/expo-2017.ics?q=outage-check" },
  "GET /calendar/u/[file]": { path: `/calendar/u/${"a".repeat(43)}.ics` },
  "HEAD /calendar/u/[file]": { path: `/calendar/u/${"a".repeat(43)}.ics` },
  "GET /changes.atom": { path: "/changes.atom" },
  "GET /e/[id]": { path: "/e/1" },
};

const call = (key: string): Promise<APIResponse> => {
  const [method] = key.split(" ");
  return admin.call(app.baseUrl, method, CALLS[key].path, CALLS[key].body);
};

const health = async () => (await fetch(`${app.baseUrl}/api/health`)).status;

test.beforeAll(async () => {
  // A server of its own, seeded with the whole programme, and an app: minutes on a loaded machine.
  test.setTimeout(300_000);
  dataDir = makeScratchDataDir("expo-outage-pg-");
  postgres = await startEmbeddedPostgres({ dataDir });
  const url = await ensureDatabase(postgres.serverUrl, "expo");
  await prepareDatabase(url, () => {});
  app = await startApp(url, { ADMIN_EMAILS: ADMIN });
  admin = await newApiVisitor(ADMIN);
  await signUpThroughApi(admin, app.baseUrl, "Outage Organiser");
  expect(await signInThroughApi(admin, app.baseUrl)).toEqual(200);
});

test.afterAll(async () => {
  await admin?.dispose();
  await app?.stop();
  await postgres?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("every route handler under app/ has a request in this spec", () => {
  expect(Object.keys(CALLS).sort()).toEqual(routeHandlers());
});

test("with PostgreSQL stopped: 503 everywhere it is needed, cached pages and feeds still served; back without a restart", async ({ page }) => {
  // Arrange: what a visitor looked at before the outage is cached.
  const cachedPage = "/schedule?date=2017-08-14";
  const cachedFeed = "/calendar/expo-2017.ics";
  expect((await fetch(`${app.baseUrl}${cachedPage}`)).status).toEqual(200);
  const feedBefore = await (await fetch(`${app.baseUrl}${cachedFeed}`)).text();

  // Act: a real stop (PostgreSQL's fast shutdown ends every connection).
  const port = postgres.port;
  await postgres.stop();
  expect(await becomesTrue(async () => (await health()) === 503, 15_000)).toEqual(true);

  // A sign-in needs the database (the password and the limits): the CSRF token does not.
  const { csrfToken } = (await (await admin.context.get(`${app.baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  CALLS["POST /api/auth/[...nextauth]"].body = { email: ADMIN, password: "not the password", csrfToken, json: "true" };

  // Every handler: 503 JSON with Retry-After and no internals, or (session/CSRF) its normal answer.
  const wrong: string[] = [];
  for (const key of Object.keys(CALLS)) {
    const response = await call(key);
    const expected = CALLS[key].withoutDatabase ?? 503;
    const text = await response.text();
    const retryAfter = response.headers()["retry-after"] ?? "";
    const problem =
      response.status() !== expected
        ? `status ${response.status()}: ${text.slice(0, 200)}`
        : expected !== 503
          ? null
          : !/^\d+$/.test(retryAfter)
            ? "no Retry-After"
            : key.startsWith("HEAD ")
              ? null
              : !/^\{"(error|status)":"/.test(text)
                ? `not the JSON error shape: ${text.slice(0, 200)}`
                : /prisma|ECONN|127\.0\.0\.1|stack|at \//i.test(text)
                  ? `internals in ${text}`
                  : null;
    if (problem) wrong.push(`${key}: ${problem}`);
  }
  expect(wrong).toEqual([]);
  // Polling the session during the outage did not sign the visitor out.
  const session = (await (await admin.call(app.baseUrl, "GET", "/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toEqual(ADMIN);

  // A page that needs the database: 503 with Retry-After; the HTML carries no internals (only
  // error digests) and a browser shows app/error.tsx's message.
  for (const path of ["/itinerary", "/events/opening-ceremony-outage-check", "/venues/nur-alem?outage=1"]) {
    const answer = await admin.call(app.baseUrl, "GET", path);
    const html = await answer.text();
    expect({ path, status: answer.status(), retryAfter: answer.headers()["retry-after"] }).toEqual({ path, status: 503, retryAfter: "5" });
    expect(html).not.toMatch(/prisma|ECONNREFUSED|127\.0\.0\.1|DriverAdapterError|timeout exceeded/i);
  }
  const shown = await page.goto(`${app.baseUrl}/events/opening-ceremony-outage-check`);
  expect(shown?.status()).toEqual(503);
  await expect(page.getByText("This page could not be shown just now. Please try again in a moment.")).toBeVisible();

  // What was cached before the outage is still served, byte for byte for the feed.
  expect((await fetch(`${app.baseUrl}${cachedPage}`)).status).toEqual(200);
  const feedDuring = await fetch(`${app.baseUrl}${cachedFeed}`);
  expect(feedDuring.status).toEqual(200);
  expect(await feedDuring.text()).toEqual(feedBefore);

  // Back: the same server on the same port; the app recovers by itself.
  postgres = await startEmbeddedPostgres({ dataDir, port });
  expect(await becomesTrue(async () => (await health()) === 200, 30_000)).toEqual(true);
  const after: string[] = [];
  for (const key of Object.keys(CALLS)) {
    const response = await call(key);
    if (response.status() >= 500) after.push(`${key}: ${response.status()} ${(await response.text()).slice(0, 200)}`);
  }
  expect(after).toEqual([]);
  expect((await admin.call(app.baseUrl, "GET", "/itinerary")).status()).toEqual(200);
  expect((await admin.call(app.baseUrl, "GET", "/events/mahler-symphony-no-8")).status()).toEqual(200);
});
