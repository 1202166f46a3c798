import type { VEvent } from "node-ical";
import { POST as createFeed } from "@/app/api/calendar-feed/route";
import { GET as downloadItinerary } from "@/app/api/itinerary/calendar.ics/route";
import { GET as readReminderRoute, PUT as putReminder } from "@/app/api/reminders/route";
import { GET as getPrivateFeed } from "@/app/calendar/u/[file]/route";
import { prisma } from "@/lib/db";
import { walkingMinutes } from "@/lib/itinerary/schedule-checks";
import { resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor, type TestUser } from "../helpers/session";
import { parseFeed } from "./calendar-feed-helpers";

const ORIGIN = "http://localhost:3000";
const PAKISTAN_DAY = ["pakistan-day-ceremony", "pakistan-day-evening-concert"];

async function choose(user: TestUser | null, body: unknown, origin = ORIGIN): Promise<Response> {
  return putReminder(
    new Request(`${ORIGIN}/api/reminders`, {
      method: "PUT",
      headers: { ...(user ? { Cookie: await sessionCookieFor(user) } : {}), Origin: origin, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

async function download(user: TestUser): Promise<VEvent[]> {
  const response = await downloadItinerary(new Request(`${ORIGIN}/api/itinerary/calendar.ics`, { headers: { Cookie: await sessionCookieFor(user) } }));
  expect(response.status).toEqual(200);
  return parseFeed(await response.text()).events;
}

async function subscribed(user: TestUser): Promise<VEvent[]> {
  const created = await createFeed(
    new Request(`${ORIGIN}/api/calendar-feed`, { method: "POST", headers: { Cookie: await sessionCookieFor(user), Origin: ORIGIN } }),
  );
  const url: string = (await created.json()).url;
  const file = url.slice(url.lastIndexOf("/") + 1);
  const response = await getPrivateFeed(new Request(url), { params: Promise.resolve({ file }) });
  expect(response.status).toEqual(200);
  return parseFeed(await response.text()).events;
}

/** Each event's alarms as "ACTION TRIGGER" (node-ical keeps the trigger as written, e.g. "-PT30M"). */
function alarmsOf(events: VEvent[]): Record<string, string[]> {
  return Object.fromEntries(
    events
      .map((event) => [event.uid.replace("@expo2017-schedule", ""), (event.alarms ?? []).map((alarm) => `${alarm.action} ${String(alarm.trigger)}`)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

async function save(user: TestUser, slugs: string[]): Promise<void> {
  const events = await prisma.event.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  await prisma.savedEvent.createMany({ data: events.map((event) => ({ userId: user.id, eventId: event.id })) });
}

beforeEach(async () => {
  await resetUserData();
});

describe("reminders in the itinerary feeds", () => {
  it("carry no alarm by default", async () => {
    const user = await createTestUser();
    await save(user, PAKISTAN_DAY);
    expect(alarmsOf(await download(user))).toEqual({ "pakistan-day-ceremony": [], "pakistan-day-evening-concert": [] });
  });

  it("put a DISPLAY alarm 30 minutes before each event in the download and the private feed", async () => {
    const user = await createTestUser();
    await save(user, PAKISTAN_DAY);
    await download(user); // built and cached without a reminder first: the choice must rebuild it

    const response = await choose(user, { reminder: "30" });

    expect([response.status, await response.json()]).toEqual([200, { reminder: "30" }]);
    const expected = { "pakistan-day-ceremony": ["DISPLAY -PT30M"], "pakistan-day-evening-concert": ["DISPLAY -PT30M"] };
    expect(alarmsOf(await download(user))).toEqual(expected);
    expect(alarmsOf(await subscribed(user))).toEqual(expected);
  });

  it("walking time + 10 minutes: 10 for the day's first event, the walk from the previous venue + 10 for the next", async () => {
    const user = await createTestUser();
    await save(user, PAKISTAN_DAY);
    const venues = await prisma.venue.findMany({
      where: { slug: { in: ["pavilion-pakistan", "expo-open-air-stage"] } },
      select: { slug: true, name: true, latitude: true, longitude: true },
    });
    const bySlug = new Map(venues.map((venue) => [venue.slug, venue]));
    const walk = walkingMinutes(bySlug.get("pavilion-pakistan")!, bySlug.get("expo-open-air-stage")!);

    await choose(user, { reminder: "walk+10" });

    expect(alarmsOf(await download(user))).toEqual({
      "pakistan-day-ceremony": ["DISPLAY -PT10M"],
      "pakistan-day-evening-concert": [`DISPLAY -PT${walk + 10}M`],
    });
  });

  it("is read back and set back to none", async () => {
    const user = await createTestUser();
    await choose(user, { reminder: "60" });
    await choose(user, { reminder: "none" });
    const response = await readReminderRoute(new Request(`${ORIGIN}/api/reminders`, { headers: { Cookie: await sessionCookieFor(user) } }));
    expect(await response.json()).toEqual({ reminder: "none" });
  });

  it("refuses an unknown choice with 400 naming it, without a session 401, from another origin 403", async () => {
    const user = await createTestUser();
    const bad = await choose(user, { reminder: "5" });
    expect([bad.status, (await bad.json()).details]).toEqual([
      400,
      [{ parameter: "reminder", message: 'must be one of "none", "15", "30", "60", "walk+10"' }],
    ]);
    expect((await choose(null, { reminder: "15" })).status).toEqual(401);
    expect((await choose(user, { reminder: "15" }, "https://evil.example")).status).toEqual(403);
    expect(await prisma.reminderSetting.count()).toEqual(0);
  });
});
