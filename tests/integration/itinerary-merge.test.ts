import pg from "pg";
import { POST } from "@/app/api/itinerary/merge/route";
import { prisma } from "@/lib/db";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor, type TestUser } from "../helpers/session";
import { savedSlugs as savedSlugsOf } from "../helpers/saved-events";
import { createTestEvents } from "../helpers/test-events";

async function merge(cookie: string | null, body: unknown, origin?: string) {
  const headers: Record<string, string> = { host: "localhost:3000", "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  headers.origin = origin ?? "http://localhost:3000"; // state changes need an Origin (lib/auth/same-origin.ts)
  const response = await POST(
    new Request("http://localhost:3000/api/itinerary/merge", { method: "POST", headers, body: JSON.stringify(body) }),
  );
  return { status: response.status, body: await response.json() };
}

const savedSlugs = (user: TestUser) => savedSlugsOf(user.id);

let alice: TestUser;
let bob: TestUser;
let aliceCookie: string;

beforeEach(async () => {
  await resetUserData();
  await resetTestEvents();
  await createTestEvents([
    { slug: "test-a", start: "2017-07-01T10:00:00Z", end: "2017-07-01T11:00:00Z" },
    { slug: "test-b", start: "2017-07-01T12:00:00Z", end: "2017-07-01T13:00:00Z" },
    { slug: "test-c", start: "2017-07-02T12:00:00Z", end: "2017-07-02T13:00:00Z" },
    { slug: "test-cancelled", start: "2017-07-03T12:00:00Z", end: "2017-07-03T13:00:00Z", status: "CANCELLED" },
  ]);
  alice = await createTestUser();
  bob = await createTestUser();
  aliceCookie = await sessionCookieFor(alice);
});

afterAll(async () => {
  await resetUserData();
  await resetTestEvents();
});

describe("POST /api/itinerary/merge", () => {
  test("adds the browser's saves to the account", async () => {
    expect(await merge(aliceCookie, { slugs: ["test-a", "test-b"] })).toEqual({
      status: 200,
      body: { added: ["test-a", "test-b"], alreadySaved: [], unknown: [], cancelled: [] },
    });
    expect(await savedSlugs(alice)).toEqual(["test-a", "test-b"]);
  });

  test("a slug listed twice, or already in the account, is kept once", async () => {
    await merge(aliceCookie, { slugs: ["test-a"] });
    expect(await merge(aliceCookie, { slugs: ["test-a", "test-b", "test-b"] })).toEqual({
      status: 200,
      body: { added: ["test-b"], alreadySaved: ["test-a"], unknown: [], cancelled: [] },
    });
    expect(await prisma.savedEvent.count({ where: { userId: alice.id } })).toEqual(2);
  });

  test("unknown and cancelled events are reported and not added", async () => {
    expect(await merge(aliceCookie, { slugs: ["test-gone", "test-cancelled", "test-c"] })).toEqual({
      status: 200,
      body: { added: ["test-c"], alreadySaved: [], unknown: ["test-gone"], cancelled: ["test-cancelled"] },
    });
    expect(await savedSlugs(alice)).toEqual(["test-c"]);
  });

  test("strings that are not slugs (a NUL byte, spaces) are reported as unknown, never a 500", async () => {
    expect(await merge(aliceCookie, { slugs: ["a\u0000", "test-a", "Not A Slug"] })).toEqual({
      status: 200,
      body: { added: ["test-a"], alreadySaved: [], unknown: ["a\u0000", "Not A Slug"], cancelled: [] },
    });
    expect(await savedSlugs(alice)).toEqual(["test-a"]);
  });

  test("merging into one account leaves another account untouched", async () => {
    await prisma.savedEvent.create({
      data: { userId: bob.id, eventId: (await prisma.event.findUniqueOrThrow({ where: { slug: "test-c" } })).id },
    });
    await merge(aliceCookie, { slugs: ["test-a", "test-c"] });
    expect([await savedSlugs(alice), await savedSlugs(bob)]).toEqual([["test-a", "test-c"], ["test-c"]]);
  });

  test("two merges at once, listing the events in opposite orders, both answer 200 and leave one row per event", async () => {
    // Made to overlap for certain: another transaction holds the middle event's row, so each merge
    // takes the rows on its side of it and waits there. Inserting in the order given, each would
    // then need the other's rows: a deadlock, one merge failing with a 500 (seen once in CI).
    const many = Array.from({ length: 9 }, (_, index) => ({ slug: `test-many-${index}`, start: "2017-07-05T10:00:00Z", end: "2017-07-05T11:00:00Z" }));
    await createTestEvents(many);
    const slugs = many.map((event) => event.slug);
    const middle = await prisma.event.findUniqueOrThrow({ where: { slug: "test-many-4" }, select: { id: true } });
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`INSERT INTO "SavedEvent" ("userId", "eventId", "updatedAt") VALUES ($1, $2, now())`, [alice.id, middle.id]);
      const merges = Promise.all([merge(aliceCookie, { slugs }), merge(aliceCookie, { slugs: [...slugs].reverse() })]);
      // Both merges are waiting on the held row (or on each other) before it is let go.
      for (let waited = 0; waited < 200; waited++) {
        const { rows } = await holder.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
        if (rows[0].n >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await holder.query("ROLLBACK");
      const answers = await merges;
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    } finally {
      await holder.end();
    }
    expect(await savedSlugs(alice)).toEqual([...slugs].sort());
  });

  test("an empty list adds nothing", async () => {
    expect((await merge(aliceCookie, { slugs: [] })).body).toEqual({ added: [], alreadySaved: [], unknown: [], cancelled: [] });
  });

  test("a body without a list of slugs is 400", async () => {
    expect(await merge(aliceCookie, { slugs: "test-a" })).toEqual({
      status: 400,
      body: { error: "The request body is not valid.", details: [{ parameter: "slugs", message: "must be a list of event slugs" }] },
    });
  });

  test("more than 500 slugs is 400", async () => {
    const slugs = Array.from({ length: 501 }, (_, i) => `test-${i}`);
    expect((await merge(aliceCookie, { slugs })).body.details).toEqual([{ parameter: "slugs", message: "must list at most 500 events" }]);
  });

  test("without a session it is 401 and nothing is saved", async () => {
    expect(await merge(null, { slugs: ["test-a"] })).toEqual({
      status: 401,
      body: { error: "Sign in to merge saved events into your itinerary." },
    });
    expect(await prisma.savedEvent.count()).toEqual(0);
  });

  test("from another origin it is 403 and nothing is saved", async () => {
    expect((await merge(aliceCookie, { slugs: ["test-a"] }, "https://evil.example")).status).toEqual(403);
    expect(await prisma.savedEvent.count()).toEqual(0);
  });
});
