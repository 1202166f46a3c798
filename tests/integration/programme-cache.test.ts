// Public reads are built once per programme version and served from memory; a change (here an
// event's title updated through Prisma, as the seed or an organiser's edit would) shows on the
// next request of this instance and, through LISTEN/NOTIFY, on a second instance without any
// request having to ask the database first (docs/decisions/017).
import { GET as listEventsRoute } from "@/app/api/events/route";
import { GET as itineraryRoute } from "@/app/api/itinerary/route";
import { GET as eventRoute } from "@/app/api/events/[slug]/route";
import { prisma } from "@/lib/db";
import { programmeCache } from "@/lib/cache/programme-reads";
import { ProgrammeCache } from "@/lib/cache/programme-cache";
import { ProgrammeVersionWatcher } from "@/lib/cache/programme-version";
import { queryProgrammeVersion } from "@/lib/cache/programme-version-query";
import { announceProgrammeChange } from "@/lib/programme/announce-change";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor } from "../helpers/session";
import { createTestEvents } from "../helpers/test-events";

const BASE = "http://localhost:3000";
const SLUG = "test-cached-concert";

function get(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: { host: "localhost:3000", ...(cookie ? { cookie } : {}) } });
}

async function eventTitle(): Promise<string> {
  const response = await eventRoute(get(`/api/events/${SLUG}`), { params: Promise.resolve({ slug: SLUG }) });
  return ((await response.json()) as { title: string }).title;
}

async function rename(title: string): Promise<void> {
  await prisma.event.update({ where: { slug: SLUG }, data: { title } });
}

/** One "instance": its own version watcher (with its own LISTEN connection) and its own cache. */
function instance() {
  const version = new ProgrammeVersionWatcher({ readVersion: queryProgrammeVersion, connectionString: () => process.env.DATABASE_URL as string });
  const cache = new ProgrammeCache();
  const read = async (): Promise<string> =>
    cache.get(SLUG, await version.current(), async () => {
      const row = await prisma.event.findUniqueOrThrow({ where: { slug: SLUG }, select: { title: true } });
      return row.title;
    });
  return { version, cache, read };
}

/** Polls until `read` answers `expected` (the test's own timeout bounds the wait; no timing is asserted). */
async function eventually(read: () => Promise<string>, expected: string): Promise<void> {
  while ((await read()) !== expected) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

beforeEach(async () => {
  await resetTestEvents();
  await resetUserData();
  await createTestEvents([{ slug: SLUG, start: "2017-08-14T12:00:00Z", end: "2017-08-14T13:00:00Z" }]);
  await rename("Before");
  programmeCache.clear();
});

afterAll(async () => {
  await resetTestEvents();
});

describe("public reads from the programme cache", () => {
  it("are built once per version: a repeated request runs no build", async () => {
    const path = "/api/events?date=2017-08-14&limit=200";
    const first = await (await listEventsRoute(get(path))).json();
    const builds = programmeCache.builds;
    // Same query, parameters in another order: the same entry.
    const again = await (await listEventsRoute(get("/api/events?limit=200&date=2017-08-14"))).json();
    expect(again).toEqual(first);
    expect(programmeCache.builds).toBe(builds);
  });

  it("show a change on the next request", async () => {
    expect(await eventTitle()).toBe("Before");
    await rename("After");
    await announceProgrammeChange();
    expect(await eventTitle()).toBe("After");
  });

  it("hold nothing per user: two signed-in visitors get the same public answer, their own itineraries", async () => {
    const [alice, bob] = [await createTestUser({ name: "Alice" }), await createTestUser({ name: "Bob" })];
    const [aliceCookie, bobCookie] = [await sessionCookieFor(alice), await sessionCookieFor(bob)];
    await prisma.savedEvent.create({ data: { userId: alice.id, eventId: (await prisma.event.findUniqueOrThrow({ where: { slug: SLUG } })).id } });

    const path = "/api/events?date=2017-08-14&limit=5";
    const forAlice = await (await listEventsRoute(get(path, aliceCookie))).json();
    const forBob = await (await listEventsRoute(get(path, bobCookie))).json();
    expect(forBob).toEqual(forAlice);
    const itineraries = await Promise.all([aliceCookie, bobCookie].map(async (cookie) => (await (await itineraryRoute(get("/api/itinerary", cookie))).json()) as { count: number }));
    expect(itineraries.map((i) => i.count)).toEqual([1, 0]);
    // Nothing about either visitor in any stored answer.
    const stored = JSON.stringify([...(programmeCache as unknown as { entries: Map<string, unknown> }).entries]);
    for (const secret of [alice.id, bob.id, alice.email, bob.email, "Alice", "Bob"]) expect(stored).not.toContain(secret);
  });
});

describe("two instances", () => {
  const a = instance();
  const b = instance();

  beforeAll(async () => {
    a.version.start();
    b.version.start();
    await until(() => a.version.listening && b.version.listening);
  });

  afterAll(async () => {
    await Promise.all([a.version.close(), b.version.close()]);
  });

  it("both see a change through NOTIFY, without a version query per request", async () => {
    await eventually(a.read, "Before");
    await eventually(b.read, "Before");
    const notified = b.version.notifications;
    await rename("Changed on instance A");
    await until(() => b.version.notifications > notified);
    await eventually(a.read, "Changed on instance A");
    await eventually(b.read, "Changed on instance A");
    expect(b.cache.builds).toBe(2);
  });

  it("falls back to a version check after losing the LISTEN connection, and reconnects", async () => {
    await eventually(b.read, "Before");
    await prisma.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query = 'LISTEN programme_version'`;
    await until(() => !b.version.listening);
    await rename("Changed while B was not listening");
    await eventually(b.read, "Changed while B was not listening");
    await until(() => b.version.listening);
    await rename("Changed after B reconnected");
    await eventually(b.read, "Changed after B reconnected");
  });
});
