import { GET } from "@/app/api/itinerary/route";
import { DELETE, PUT } from "@/app/api/itinerary/[eventSlug]/route";
import { prisma } from "@/lib/db";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor, type TestUser } from "../helpers/session";
import { savedSlugs as savedSlugsOf } from "../helpers/saved-events";
import { createTestEvents } from "../helpers/test-events";

const BASE = "http://localhost:3000";

function request(method: string, path: string, cookie: string | null, body?: string, origin?: string): Request {
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (cookie) headers.cookie = cookie;
  headers.origin = origin ?? "http://localhost:3000"; // state changes need an Origin (lib/auth/same-origin.ts)
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${BASE}${path}`, { method, headers, body });
}

const params = (eventSlug: string) => ({ params: Promise.resolve({ eventSlug }) });

async function put(slug: string, cookie: string | null, body?: string, origin?: string) {
  const response = await PUT(request("PUT", `/api/itinerary/${slug}`, cookie, body, origin), params(slug));
  return { status: response.status, body: await response.json() };
}

async function del(slug: string, cookie: string | null, origin?: string) {
  const response = await DELETE(request("DELETE", `/api/itinerary/${slug}`, cookie, undefined, origin), params(slug));
  return { status: response.status, body: await response.json() };
}

async function get(cookie: string | null) {
  const response = await GET(request("GET", "/api/itinerary", cookie));
  return { status: response.status, body: await response.json() };
}

const savedSlugs = (user: TestUser) => savedSlugsOf(user.id);

let alice: TestUser;
let bob: TestUser;
let aliceCookie: string;
let bobCookie: string;

beforeEach(async () => {
  await resetUserData();
  await resetTestEvents();
  // Astana is UTC+6 in 2017: 12:00Z is 18:00 Astana.
  await createTestEvents([
    { slug: "test-concert", start: "2017-08-14T12:00:00Z", end: "2017-08-14T14:00:00Z", venue: "nur-alem" },
    { slug: "test-overlapping", start: "2017-08-14T13:00:00Z", end: "2017-08-14T15:00:00Z", venue: "nur-alem" },
    { slug: "test-opera", start: "2017-08-14T14:15:00Z", end: "2017-08-14T16:00:00Z", venue: "astana-opera" },
    { slug: "test-next-day", start: "2017-08-15T04:00:00Z", end: "2017-08-15T05:00:00Z", venue: "nur-alem" },
    { slug: "test-cancelled", start: "2017-08-16T04:00:00Z", end: "2017-08-16T05:00:00Z", status: "CANCELLED" },
  ]);
  alice = await createTestUser({ name: "Alice" });
  bob = await createTestUser({ name: "Bob" });
  aliceCookie = await sessionCookieFor(alice);
  bobCookie = await sessionCookieFor(bob);
});

afterAll(async () => {
  await resetUserData();
  await resetTestEvents();
});

describe("without a session", () => {
  test("every itinerary route answers 401 JSON and changes nothing", async () => {
    const results = [await get(null), await put("test-concert", null), await del("test-concert", null)];
    expect(results).toEqual([
      { status: 401, body: { error: "Sign in to use your itinerary." } },
      { status: 401, body: { error: "Sign in to use your itinerary." } },
      { status: 401, body: { error: "Sign in to use your itinerary." } },
    ]);
    expect(await prisma.savedEvent.count()).toEqual(0);
  });

  test("a tampered session cookie is no session", async () => {
    expect((await get(`${aliceCookie}x`)).status).toEqual(401);
  });

  test("the cookie of a deleted account is no session", async () => {
    await prisma.user.delete({ where: { id: alice.id } });
    expect((await get(aliceCookie)).status).toEqual(401);
  });
});

describe("PUT /api/itinerary/{eventSlug}", () => {
  test("saves the event for the signed-in user only", async () => {
    expect(await put("test-concert", aliceCookie)).toEqual({ status: 201, body: { slug: "test-concert", saved: true, note: null } });
    expect([await savedSlugs(alice), await savedSlugs(bob)]).toEqual([["test-concert"], []]);
  });

  test("saving twice leaves one row and keeps the note", async () => {
    await put("test-concert", aliceCookie, JSON.stringify({ note: "Front row" }));
    expect(await put("test-concert", aliceCookie)).toEqual({ status: 200, body: { slug: "test-concert", saved: true, note: "Front row" } });
    expect(await prisma.savedEvent.count({ where: { userId: alice.id } })).toEqual(1);
  });

  test("two concurrent saves both succeed with one row", async () => {
    const results = await Promise.all([put("test-concert", aliceCookie), put("test-concert", aliceCookie), put("test-concert", aliceCookie)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 201]);
    expect(await prisma.savedEvent.count({ where: { userId: alice.id } })).toEqual(1);
  });

  test("sets, replaces and clears the note", async () => {
    expect((await put("test-concert", aliceCookie, JSON.stringify({ note: "Bring tickets" }))).body.note).toEqual("Bring tickets");
    expect((await put("test-concert", aliceCookie, JSON.stringify({ note: "Gate B" }))).body.note).toEqual("Gate B");
    expect((await put("test-concert", aliceCookie, JSON.stringify({ note: null }))).body.note).toEqual(null);
    expect((await put("test-concert", aliceCookie, JSON.stringify({ note: "x" }))).body.note).toEqual("x");
    expect((await put("test-concert", aliceCookie, JSON.stringify({ note: "" }))).body.note).toEqual(null);
  });

  test("a note of exactly 1,000 characters is kept", async () => {
    expect((await put("test-concert", aliceCookie, JSON.stringify({ note: "n".repeat(1000) }))).status).toEqual(201);
  });

  test("a note over 1,000 characters is refused with 400 and nothing is saved", async () => {
    expect(await put("test-concert", aliceCookie, JSON.stringify({ note: "n".repeat(1001) }))).toEqual({
      status: 400,
      body: { error: "The request body is not valid.", details: [{ parameter: "note", message: "must be at most 1,000 characters" }] },
    });
    expect(await savedSlugs(alice)).toEqual([]);
  });

  test("a body that is not JSON, not an object or has unknown fields is refused with 400", async () => {
    const results = [
      await put("test-concert", aliceCookie, "{broken"),
      await put("test-concert", aliceCookie, "[1]"),
      await put("test-concert", aliceCookie, JSON.stringify({ note: 5 })),
      await put("test-concert", aliceCookie, JSON.stringify({ notes: "typo" })),
    ];
    expect(results).toEqual([
      { status: 400, body: { error: "The request body is not valid JSON.", details: [{ parameter: "body", message: "is not valid JSON" }] } },
      { status: 400, body: { error: "The request body is not valid.", details: [{ parameter: "body", message: "must be a JSON object" }] } },
      { status: 400, body: { error: "The request body is not valid.", details: [{ parameter: "note", message: "must be text or null" }] } },
      {
        status: 400,
        body: { error: "The request body is not valid.", details: [{ parameter: "body", message: "has unknown field(s): notes" }] },
      },
    ]);
  });

  test("an unknown event is 404", async () => {
    expect(await put("test-no-such-event", aliceCookie)).toEqual({
      status: 404,
      body: { error: 'There is no event "test-no-such-event".', details: [{ parameter: "eventSlug", message: "is not an event" }] },
    });
  });

  test("a path that is not a slug (a NUL byte, spaces, upper case) is 404 without a query, never a 500", async () => {
    const results = [await put("test-concert\u0000", aliceCookie), await put("Test Concert", aliceCookie), await put("x".repeat(101), aliceCookie)];
    expect(results.map((result) => result.status)).toEqual([404, 404, 404]);
    expect(results[0].body).toEqual({
      error: 'There is no event "test-concert\u0000".',
      details: [{ parameter: "eventSlug", message: "is not an event" }],
    });
    expect(await savedSlugs(alice)).toEqual([]);
  });

  test("a note with a NUL or another control character is 400 naming note; line breaks and tabs are kept", async () => {
    expect(await put("test-concert", aliceCookie, JSON.stringify({ note: "hi\u0000" }))).toEqual({
      status: 400,
      body: {
        error: "The request body is not valid.",
        details: [{ parameter: "note", message: "must not contain control characters other than line breaks and tabs" }],
      },
    });
    expect((await put("test-concert", aliceCookie, JSON.stringify({ note: "bell\u0007" }))).status).toEqual(400);
    expect(await savedSlugs(alice)).toEqual([]);
    expect((await put("test-concert", aliceCookie, JSON.stringify({ note: "Gate B\r\n\tRow 3" }))).body.note).toEqual("Gate B\r\n\tRow 3");
  });

  test("a body over 64 KiB is 413 naming the limit, whether Content-Length says so or the body is counted", async () => {
    const big = JSON.stringify({ note: "n".repeat(70_000) });
    const counted = await put("test-concert", aliceCookie, big);
    const declared = await PUT(
      new Request(`${BASE}/api/itinerary/test-concert`, {
        method: "PUT",
        headers: { host: "localhost:3000", origin: "http://localhost:3000", cookie: aliceCookie, "content-type": "application/json", "content-length": String(big.length) },
        body: big,
      }),
      params("test-concert"),
    );
    const tooLarge = {
      status: 413,
      body: { error: "The request body is too large (limit 64 KiB).", details: [{ parameter: "body", message: "must be at most 65,536 bytes" }] },
    };
    expect([counted, { status: declared.status, body: await declared.json() }]).toEqual([tooLarge, tooLarge]);
    expect(await savedSlugs(alice)).toEqual([]);
  });

  test("a cancelled event cannot be newly saved (409)", async () => {
    expect(await put("test-cancelled", aliceCookie)).toEqual({
      status: 409,
      body: {
        error: "This event is cancelled, so it cannot be added to an itinerary.",
        details: [{ parameter: "eventSlug", message: "is a cancelled event" }],
      },
    });
  });

  test("a request from another origin is refused with 403 before anything is saved", async () => {
    expect((await put("test-concert", aliceCookie, undefined, "https://evil.example")).status).toEqual(403);
    expect(await savedSlugs(alice)).toEqual([]);
  });

  test("Bob's note on the same event does not touch Alice's", async () => {
    await put("test-concert", aliceCookie, JSON.stringify({ note: "Alice's note" }));
    await put("test-concert", bobCookie, JSON.stringify({ note: "Bob's note" }));
    const notes = await prisma.savedEvent.findMany({
      where: { event: { slug: "test-concert" } },
      select: { userId: true, note: true },
      orderBy: { note: "asc" },
    });
    expect(notes).toEqual([
      { userId: alice.id, note: "Alice's note" },
      { userId: bob.id, note: "Bob's note" },
    ]);
  });
});

describe("DELETE /api/itinerary/{eventSlug}", () => {
  test("removes the event from the signed-in user's itinerary only", async () => {
    await put("test-concert", aliceCookie);
    await put("test-concert", bobCookie);
    expect(await del("test-concert", bobCookie)).toEqual({ status: 200, body: { slug: "test-concert", saved: false } });
    expect([await savedSlugs(alice), await savedSlugs(bob)]).toEqual([["test-concert"], []]);
  });

  test("removing twice, or something never saved, is still 200", async () => {
    await put("test-concert", aliceCookie);
    expect([(await del("test-concert", aliceCookie)).status, (await del("test-concert", aliceCookie)).status]).toEqual([200, 200]);
    expect(await savedSlugs(alice)).toEqual([]);
  });

  test("an unknown event is 404", async () => {
    expect((await del("test-no-such-event", aliceCookie)).status).toEqual(404);
  });

  test("a path that is not a slug (a NUL byte) is 404, never a 500", async () => {
    await put("test-concert", aliceCookie);
    expect((await del("test-concert\u0000", aliceCookie)).status).toEqual(404);
    expect(await savedSlugs(alice)).toEqual(["test-concert"]);
  });

  test("a request from another origin is refused with 403 and nothing is removed", async () => {
    await put("test-concert", aliceCookie);
    expect((await del("test-concert", aliceCookie, "https://evil.example")).status).toEqual(403);
    expect(await savedSlugs(alice)).toEqual(["test-concert"]);
  });
});

describe("GET /api/itinerary", () => {
  test("lists only the signed-in user's events, in time order, with conflicts and walking warnings", async () => {
    for (const slug of ["test-opera", "test-concert", "test-overlapping", "test-next-day"]) await put(slug, aliceCookie);
    await put("test-next-day", bobCookie);
    const alices = await get(aliceCookie);
    expect(alices.status).toEqual(200);
    expect(alices.body.count).toEqual(4);
    expect(alices.body.conflictCount).toEqual(3);
    expect(
      alices.body.items.map((item: { slug: string; astana: object; conflictsWith: object[]; walkWarning: object | null }) => ({
        slug: item.slug,
        astana: item.astana,
        conflictsWith: item.conflictsWith,
        walkWarning: item.walkWarning,
      })),
    ).toEqual([
      {
        slug: "test-concert",
        astana: { date: "2017-08-14", start: "18:00", end: "20:00", endDate: "2017-08-14" },
        conflictsWith: [{ slug: "test-overlapping", title: "Title of test-overlapping" }],
        walkWarning: null,
      },
      {
        slug: "test-overlapping",
        astana: { date: "2017-08-14", start: "19:00", end: "21:00", endDate: "2017-08-14" },
        conflictsWith: [
          { slug: "test-concert", title: "Title of test-concert" },
          { slug: "test-opera", title: "Title of test-opera" },
        ],
        walkWarning: null,
      },
      {
        slug: "test-opera",
        astana: { date: "2017-08-14", start: "20:15", end: "22:00", endDate: "2017-08-14" },
        conflictsWith: [{ slug: "test-overlapping", title: "Title of test-overlapping" }],
        // It clashes with test-overlapping, and coming from test-concert the walk is too long.
        walkWarning: expect.objectContaining({ fromSlug: "test-concert", gapMinutes: 15, walkMinutes: 74 }),
      },
      {
        slug: "test-next-day",
        astana: { date: "2017-08-15", start: "10:00", end: "11:00", endDate: "2017-08-15" },
        conflictsWith: [],
        walkWarning: null,
      },
    ]);
    const bobs = await get(bobCookie);
    expect(bobs.body.items.map((item: { slug: string }) => item.slug)).toEqual(["test-next-day"]);
  });

  test("a short gap between distant venues carries a walking warning", async () => {
    await put("test-concert", aliceCookie); // ends 20:00 at Nur Alem
    await put("test-opera", aliceCookie); // starts 20:15 at the Astana Opera
    const { body } = await get(aliceCookie);
    expect(body.items[1].walkWarning).toEqual({
      fromSlug: "test-concert",
      fromTitle: "Title of test-concert",
      fromVenue: "Nur Alem (Kazakhstan pavilion)",
      toVenue: "Astana Opera",
      distanceMeters: 5173,
      gapMinutes: 15,
      walkMinutes: 74,
    });
  });

  test("an event cancelled after it was saved stays in the list, flagged", async () => {
    await put("test-next-day", aliceCookie);
    await prisma.event.update({ where: { slug: "test-next-day" }, data: { status: "CANCELLED" } });
    const { body } = await get(aliceCookie);
    expect(body.items.map((item: { slug: string; status: string }) => [item.slug, item.status])).toEqual([["test-next-day", "cancelled"]]);
  });

  test("status is lower case, as in the events API", async () => {
    await put("test-concert", aliceCookie);
    const { body } = await get(aliceCookie);
    expect(body.items.map((item: { status: string }) => item.status)).toEqual(["scheduled"]);
  });

  test("answers are never cached", async () => {
    const response = await GET(request("GET", "/api/itinerary", aliceCookie));
    expect(response.headers.get("cache-control")).toEqual("private, no-store");
  });
});
