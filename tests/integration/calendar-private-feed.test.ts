import { DELETE as turnOff, GET as readFeedState, POST as createFeed } from "@/app/api/calendar-feed/route";
import { GET as downloadItinerary, HEAD as headItinerary } from "@/app/api/itinerary/calendar.ics/route";
import { GET as getPrivateFeed, HEAD as headPrivateFeed } from "@/app/calendar/u/[file]/route";
import { hashSecretToken } from "@/lib/security/secret-token";
import { createPrivateFeed } from "@/lib/calendar/private-feed";
import { cancelEvent, rescheduleEvent } from "@/lib/programme/event-changes";
import { prisma } from "@/lib/db";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor, type TestUser } from "../helpers/session";
import { createTestEvent } from "../helpers/test-events";
import { instantsOfDatabase, instantsOfFeed, parseFeed } from "./calendar-feed-helpers";

const ORIGIN = "http://localhost:3000";

async function apiRequest(user: TestUser | null, method: "GET" | "POST" | "DELETE", headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}/api/calendar-feed`, {
    method,
    headers: { ...(user ? { Cookie: await sessionCookieFor(user) } : {}), ...headers },
  });
}

async function createFeedFor(user: TestUser): Promise<{ url: string; webcalUrl: string; token: string }> {
  const response = await createFeed(await apiRequest(user, "POST", { Origin: ORIGIN }));
  expect(response.status).toEqual(201);
  const body = await response.json();
  const token = /\/calendar\/u\/([A-Za-z0-9_-]+)\.ics$/.exec(body.url)?.[1];
  if (!token) throw new Error(`no token in ${body.url}`);
  return { url: body.url, webcalUrl: body.webcalUrl, token };
}

function fetchFeed(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Response> {
  const file = url.slice(url.lastIndexOf("/") + 1);
  return (method === "HEAD" ? headPrivateFeed : getPrivateFeed)(new Request(url, { method, headers }), {
    params: Promise.resolve({ file }),
  });
}

async function save(user: TestUser, slugs: string[]): Promise<void> {
  const events = await prisma.event.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  await prisma.savedEvent.createMany({ data: events.map((event) => ({ userId: user.id, eventId: event.id })) });
}

const PAKISTAN_DAY = ["pakistan-day-ceremony", "pakistan-day-evening-concert"];

beforeEach(async () => {
  await resetUserData();
});

afterEach(async () => {
  await resetTestEvents();
});

describe("creating the private feed", () => {
  it("answers with an https and a webcal URL carrying a token of which only the SHA-256 is stored", async () => {
    const user = await createTestUser();
    const { url, webcalUrl, token } = await createFeedFor(user);
    expect(url).toEqual(`${ORIGIN}/calendar/u/${token}.ics`);
    expect(webcalUrl).toEqual(`webcal://localhost:3000/calendar/u/${token}.ics`);
    expect(token).toHaveLength(43);
    const rows = await prisma.calendarFeedToken.findMany({ select: { tokenHash: true, userId: true, revokedAt: true } });
    expect(rows).toEqual([{ tokenHash: hashSecretToken(token), userId: user.id, revokedAt: null }]);
  });

  it("shows the state without the URL afterwards, never cached", async () => {
    const user = await createTestUser();
    await createFeedFor(user);
    const response = await readFeedState(await apiRequest(user, "GET"));
    const body = await response.json();
    expect([body.active, typeof body.createdAt, body.url]).toEqual([true, "string", undefined]);
    expect(response.headers.get("cache-control")).toEqual("private, no-store");
    expect(response.headers.get("referrer-policy")).toEqual("no-referrer");
  });

  it("leaves exactly one working URL when five creates or resets arrive at once", async () => {
    const user = await createTestUser();
    const created = await Promise.all(Array.from({ length: 5 }, () => createFeedFor(user)));
    const active = await prisma.calendarFeedToken.findMany({ where: { userId: user.id, revokedAt: null }, select: { tokenHash: true } });
    expect(active).toHaveLength(1);
    const statuses = await Promise.all(created.map(async ({ url }) => (await fetchFeed(url)).status));
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    const working = created[statuses.indexOf(200)];
    expect(active).toEqual([{ tokenHash: hashSecretToken(working.token) }]);
    expect(await prisma.calendarFeedToken.count({ where: { userId: user.id } })).toEqual(5);
  });

  it("creates nothing for an account deleted after its session was checked", async () => {
    const user = await createTestUser();
    await prisma.user.delete({ where: { id: user.id } });
    expect(await createPrivateFeed(user.id, ORIGIN)).toBeNull();
    expect(await prisma.calendarFeedToken.count()).toEqual(0);
  });

  it("refuses visitors without a session (401) and requests from another site (403)", async () => {
    const user = await createTestUser();
    expect((await createFeed(await apiRequest(null, "POST", { Origin: ORIGIN }))).status).toEqual(401);
    expect((await readFeedState(await apiRequest(null, "GET"))).status).toEqual(401);
    expect((await createFeed(await apiRequest(user, "POST", { Origin: "https://evil.example" }))).status).toEqual(403);
    expect((await turnOff(await apiRequest(user, "DELETE", { Origin: "https://evil.example" }))).status).toEqual(403);
    expect(await prisma.calendarFeedToken.count()).toEqual(0);
  });
});

describe("GET /calendar/u/{token}.ics", () => {
  it("holds the visitor's saved events at their stored instants, private and not cached", async () => {
    const user = await createTestUser();
    await save(user, [...PAKISTAN_DAY, "mahler-symphony-no-8"]);
    const { url } = await createFeedFor(user);
    const response = await fetchFeed(url);
    expect(response.status).toEqual(200);
    expect(response.headers.get("content-type")).toEqual("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toEqual("private, no-store");
    expect(response.headers.get("referrer-policy")).toEqual("no-referrer");
    const { calendar, events } = parseFeed(await response.text());
    expect(calendar["WR-CALNAME"]).toEqual("EXPO 2017 — My itinerary");
    expect(instantsOfFeed(events)).toEqual(await instantsOfDatabase({ slug: { in: [...PAKISTAN_DAY, "mahler-symphony-no-8"] } }));
    const concert = events.find((event) => event.uid === "pakistan-day-evening-concert@expo2017-schedule");
    expect(concert?.start.toISOString()).toEqual("2017-08-14T13:00:00.000Z");
  });

  it("never shows one visitor's events through another visitor's token", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    await save(alice, ["pakistan-day-ceremony"]);
    await save(bob, ["mahler-symphony-no-8"]);
    const aliceFeed = await createFeedFor(alice);
    const bobFeed = await createFeedFor(bob);
    const uids = async (url: string) => parseFeed(await (await fetchFeed(url)).text()).events.map((event) => event.uid);
    expect(await uids(aliceFeed.url)).toEqual(["pakistan-day-ceremony@expo2017-schedule"]);
    expect(await uids(bobFeed.url)).toEqual(["mahler-symphony-no-8@expo2017-schedule"]);
  });

  it("answers 304 and HEAD like the public feeds", async () => {
    const user = await createTestUser();
    await save(user, PAKISTAN_DAY);
    const { url } = await createFeedFor(user);
    const first = await fetchFeed(url);
    const etag = first.headers.get("etag")!;
    const head = await fetchFeed(url, {}, "HEAD");
    expect([head.status, head.headers.get("etag"), await head.text()]).toEqual([200, etag, ""]);
    expect((await fetchFeed(url, { "If-None-Match": etag })).status).toEqual(304);
    expect((await fetchFeed(url, { "If-Modified-Since": first.headers.get("last-modified")! })).status).toEqual(304);
  });

  it("keeps an event the organisers cancel, as STATUS:CANCELLED with a higher SEQUENCE, and drops one the visitor removes", async () => {
    const user = await createTestUser();
    const kept = await createTestEvent("test-private-cancelled", "2017-07-10T13:00:00Z", "2017-07-10T14:00:00Z");
    const removed = await createTestEvent("test-private-removed", "2017-07-11T13:00:00Z", "2017-07-11T14:00:00Z");
    await prisma.savedEvent.createMany({ data: [kept, removed].map((eventId) => ({ userId: user.id, eventId })) });
    const { url } = await createFeedFor(user);
    const read = async () => {
      const response = await fetchFeed(url);
      return { events: parseFeed(await response.text()).events, lastModified: Date.parse(response.headers.get("last-modified")!) };
    };
    const before = await read();
    expect(before.events.map((event) => [event.uid, event.sequence, event.status])).toEqual([
      ["test-private-cancelled@expo2017-schedule", 0, "CONFIRMED"],
      ["test-private-removed@expo2017-schedule", 0, "CONFIRMED"],
    ]);

    await rescheduleEvent(kept, new Date("2017-07-10T15:00:00Z"), new Date("2017-07-10T16:00:00Z"));
    await cancelEvent(kept);
    await prisma.savedEvent.delete({ where: { userId_eventId: { userId: user.id, eventId: removed } } });
    const after = await read();
    expect(after.events.map((event) => [event.uid, event.sequence, event.status, event.start.toISOString()])).toEqual([
      ["test-private-cancelled@expo2017-schedule", 2, "CANCELLED", "2017-07-10T15:00:00.000Z"],
    ]);
    expect(after.lastModified).toBeGreaterThan(before.lastModified);
  });
});

describe("reset and turn off", () => {
  it("makes the old URL answer a plain 404 at once after a reset, and the new one work", async () => {
    const user = await createTestUser();
    await save(user, PAKISTAN_DAY);
    const old = await createFeedFor(user);
    expect((await fetchFeed(old.url)).status).toEqual(200);
    const fresh = await createFeedFor(user);
    expect(fresh.token).not.toEqual(old.token);
    const gone = await fetchFeed(old.url);
    expect([gone.status, gone.headers.get("location"), await gone.text()]).toEqual([404, null, "Not found\n"]);
    expect((await fetchFeed(fresh.url)).status).toEqual(200);
  });

  it("makes the URL answer 404 after turning the feed off", async () => {
    const user = await createTestUser();
    const { url } = await createFeedFor(user);
    const response = await turnOff(await apiRequest(user, "DELETE", { Origin: ORIGIN }));
    expect(await response.json()).toEqual({ active: false, createdAt: null });
    expect((await fetchFeed(url)).status).toEqual(404);
    expect((await fetchFeed(url, {}, "HEAD")).status).toEqual(404);
    expect(await (await readFeedState(await apiRequest(user, "GET"))).json()).toEqual({ active: false, createdAt: null });
  });

  it.each([
    ["an unknown token", `${"A".repeat(43)}.ics`],
    ["a malformed token", "not-a-token.ics"],
    ["a name without .ics", "A".repeat(43)],
  ])("answers %s with a plain 404", async (_case, file) => {
    const response = await fetchFeed(`${ORIGIN}/calendar/u/${file}`);
    expect([response.status, response.headers.get("location"), response.headers.get("cache-control")]).toEqual([
      404,
      null,
      "no-store",
    ]);
  });
});

describe("GET /api/itinerary/calendar.ics", () => {
  it("answers 401 without a session", async () => {
    const response = await downloadItinerary(new Request(`${ORIGIN}/api/itinerary/calendar.ics`));
    expect(response.status).toEqual(401);
  });

  it("downloads the signed-in visitor's itinerary as expo-2017-itinerary.ics", async () => {
    const user = await createTestUser();
    await save(user, PAKISTAN_DAY);
    const request = new Request(`${ORIGIN}/api/itinerary/calendar.ics`, { headers: { Cookie: await sessionCookieFor(user) } });
    const response = await downloadItinerary(request);
    expect(response.status).toEqual(200);
    expect(response.headers.get("content-disposition")).toEqual('attachment; filename="expo-2017-itinerary.ics"');
    expect(response.headers.get("cache-control")).toEqual("private, no-store");
    const { events } = parseFeed(await response.text());
    expect(instantsOfFeed(events)).toEqual(await instantsOfDatabase({ slug: { in: PAKISTAN_DAY } }));
    const head = await headItinerary(
      new Request(request.url, { method: "HEAD", headers: { Cookie: await sessionCookieFor(user) } }),
    );
    expect([head.status, await head.text()]).toEqual([200, ""]);
  });
});
