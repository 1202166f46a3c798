// With the database stopped while the app serves, every API route answers 503 JSON with
// Retry-After (never 500), and answers normally again once the database is back, without a
// restart. The app's one Prisma client (lib/db.ts) is pointed at a relay the test can switch off.
import { createPrismaClient } from "@/lib/db";
import { createTestUser, sessionCookieFor } from "../helpers/session";
import { switchableDatabase, type SwitchableDatabase } from "../helpers/switchable-database";
import { resetUserData } from "../helpers/db";
import { programmeCache } from "@/lib/cache/programme-reads";

import * as health from "@/app/api/health/route";
import * as events from "@/app/api/events/route";
import * as eventBySlug from "@/app/api/events/[slug]/route";
import * as venues from "@/app/api/venues/route";
import * as venueBySlug from "@/app/api/venues/[slug]/route";
import * as nationalDays from "@/app/api/national-days/route";
import * as nationalDayBySlug from "@/app/api/national-days/[slug]/route";
import * as itinerary from "@/app/api/itinerary/route";
import * as itineraryEvent from "@/app/api/itinerary/[eventSlug]/route";
import * as itineraryMerge from "@/app/api/itinerary/merge/route";
import * as itineraryDownload from "@/app/api/itinerary/calendar.ics/route";
import * as calendarFeed from "@/app/api/calendar-feed/route";
import * as reminders from "@/app/api/reminders/route";
import * as shareLinks from "@/app/api/share-links/route";
import * as shareLinkById from "@/app/api/share-links/[id]/route";
import * as signup from "@/app/api/auth/signup/route";
import * as shortLink from "@/app/e/[id]/route";
import * as privateFeed from "@/app/calendar/u/[file]/route";
import * as publicFeed from "@/app/calendar/expo-2017.ics/route";
import * as eventFeed from "@/app/calendar/events/[file]/route";

const BASE = "http://localhost:3000";
let database: SwitchableDatabase;
let cookie: string;

function request(method: string, path: string, body?: unknown): Request {
  const headers: Record<string, string> = { host: "localhost:3000", origin: BASE, cookie };
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

// Every API route that reads or writes the database, with input that passes validation, so the
// answer depends only on the database being there.
const CALLS: [string, () => Promise<Response>][] = [
  ["GET /api/health", () => health.GET()],
  ["GET /api/events", () => events.GET(request("GET", "/api/events?date=2017-08-14"))],
  ["GET /api/events/[slug]", () => eventBySlug.GET(request("GET", "/api/events/x"), params({ slug: "mahler-symphony-no-8" }))],
  ["GET /api/venues", () => venues.GET(request("GET", "/api/venues"))],
  ["GET /api/venues/[slug]", () => venueBySlug.GET(request("GET", "/api/venues/x"), params({ slug: "nur-alem" }))],
  ["GET /api/national-days", () => nationalDays.GET(request("GET", "/api/national-days"))],
  ["GET /api/national-days/[slug]", () => nationalDayBySlug.GET(request("GET", "/api/national-days/x"), params({ slug: "pakistan-day" }))],
  ["GET /api/itinerary", () => itinerary.GET(request("GET", "/api/itinerary"))],
  ["PUT /api/itinerary/[slug]", () => itineraryEvent.PUT(request("PUT", "/api/itinerary/x", {}), params({ eventSlug: "mahler-symphony-no-8" }))],
  ["DELETE /api/itinerary/[slug]", () => itineraryEvent.DELETE(request("DELETE", "/api/itinerary/x"), params({ eventSlug: "mahler-symphony-no-8" }))],
  ["POST /api/itinerary/merge", () => itineraryMerge.POST(request("POST", "/api/itinerary/merge", { slugs: ["mahler-symphony-no-8"] }))],
  ["GET /api/itinerary/calendar.ics", () => itineraryDownload.GET(request("GET", "/api/itinerary/calendar.ics"))],
  ["GET /api/calendar-feed", () => calendarFeed.GET(request("GET", "/api/calendar-feed"))],
  ["POST /api/calendar-feed", () => calendarFeed.POST(request("POST", "/api/calendar-feed"))],
  ["DELETE /api/calendar-feed", () => calendarFeed.DELETE(request("DELETE", "/api/calendar-feed"))],
  ["GET /api/reminders", () => reminders.GET(request("GET", "/api/reminders"))],
  ["PUT /api/reminders", () => reminders.PUT(request("PUT", "/api/reminders", { reminder: "15" }))],
  ["GET /api/share-links", () => shareLinks.GET(request("GET", "/api/share-links"))],
  ["POST /api/share-links", () => shareLinks.POST(request("POST", "/api/share-links", { days: ["2017-08-14"], showName: false }))],
  ["DELETE /api/share-links/[id]", () => shareLinkById.DELETE(request("DELETE", "/api/share-links/x"), params({ id: "00000000-0000-4000-8000-000000000000" }))],
  ["POST /api/auth/signup", () => signup.POST(request("POST", "/api/auth/signup", { name: "New Visitor", email: "new@example.test", password: "a long enough passphrase 42" }))],
  ["GET /e/[id]", () => shortLink.GET(request("GET", "/e/x"), params({ id: "1" }))],
  ["GET /calendar/expo-2017.ics", () => publicFeed.GET(request("GET", "/calendar/expo-2017.ics?q=outage-check"))],
  ["GET /calendar/events/[file]", () => eventFeed.GET(request("GET", "/calendar/events/x.ics"), params({ file: "mahler-symphony-no-8.ics" }))],
  ["GET /calendar/u/[file]", () => privateFeed.GET(request("GET", "/calendar/u/x.ics"), params({ file: "a".repeat(43) + ".ics" }))],
];

beforeAll(async () => {
  await resetUserData();
  const user = await createTestUser();
  cookie = await sessionCookieFor(user);
  database = await switchableDatabase(process.env.DATABASE_URL as string);
  // lib/db.ts reuses the client parked on globalThis: from here on the app talks through the relay.
  const parked = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
  await parked.prisma?.$disconnect();
  parked.prisma = createPrismaClient(database.url);
});

afterAll(async () => {
  await (globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } }).prisma?.$disconnect();
  await database.close();
});

describe("with the database stopped", () => {
  it.each(CALLS)("%s answers 503 JSON with Retry-After, then recovers", async (_name, call) => {
    // Nothing cached: the answer must come from the database (cached answers are the next test).
    programmeCache.clear();
    await database.stop();
    const down = await call();
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toMatch(/^\d+$/);
    const body = (await down.json()) as { error?: unknown };
    expect(typeof (body.error ?? (body as { status?: unknown }).status)).toBe("string");
    expect(JSON.stringify(body)).not.toMatch(/prisma|ECONN|127\.0\.0\.1|stack/i);

    await database.start();
    const up = await call();
    expect(up.status).toBeLessThan(500);
  });
});

describe("answers already cached", () => {
  it("keep being served while the database is away", async () => {
    programmeCache.clear();
    const first = await venues.GET(request("GET", "/api/venues"));
    expect(first.status).toBe(200);
    await database.stop();
    try {
      const cached = await venues.GET(request("GET", "/api/venues"));
      expect(cached.status).toBe(200);
      expect(await cached.json()).toEqual(await first.json());
      // Not cached: 503, not a stale or empty answer.
      expect((await events.GET(request("GET", "/api/events?date=2017-08-15&limit=7"))).status).toBe(503);
    } finally {
      await database.start();
    }
  });
});
