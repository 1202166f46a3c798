// GET /api/itinerary's fast path (docs/decisions/025-itinerary-at-scale.md): the one query reads
// the same rows as Prisma's nested select did, the node-level door answers exactly what the route
// answers, and every session rule still ends a session there (sign-out, deleted user, absolute
// lifetime, outlived proof). Header equality with a real `next start` is in
// tests/e2e/itinerary-door.spec.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { GET } from "@/app/api/itinerary/route";
import { sessionCookieName } from "@/lib/auth/secret";
import { endAllSessions, SESSION_ABSOLUTE_LIFETIME_SECONDS } from "@/lib/auth/session";
import { programmeVersion } from "@/lib/cache/programme-reads";
import { createPrismaClient, prisma, prismaPool } from "@/lib/db";
import { buildItinerary, getItinerary } from "@/lib/itinerary/get-itinerary";
import { itineraryDoor, NEXT_ADDED_HEADERS } from "@/lib/itinerary/itinerary-door";
import { ITINERARY_ROWS_SQL, ITINERARY_STATEMENT, readItineraryRows } from "@/lib/itinerary/itinerary-rows";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/http/database-unavailable";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor, type TestUser } from "../helpers/session";
import { switchableDatabase } from "../helpers/switchable-database";
import { createTestEvent, createTestEvents } from "../helpers/test-events";

const PASSED = 299;
let server: http.Server;
let base: string;
let alice: TestUser;
let aliceCookie: string;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request to the door; whatever it passes on gets status 299. A gzipped body is unzipped. */
function viaDoor(path: string, headers: Record<string, string>, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const raw = Buffer.concat(chunks);
        const body = (response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
        resolve({ status: response.statusCode ?? 0, headers: response.headers as Record<string, string>, body });
      });
    });
    request.once("error", reject);
    request.end();
  });
}

async function viaRoute(cookie: string | null): Promise<Answer> {
  const response = await GET(new Request(`${base}/api/itinerary`, { headers: cookie ? { cookie } : {} }));
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

async function tokenCookie(claims: Record<string, unknown>): Promise<string> {
  return `${sessionCookieName()}=${await encode({ token: claims, secret: process.env.NEXTAUTH_SECRET as string })}`;
}

beforeAll(async () => {
  const door = itineraryDoor(false);
  server = http.createServer((request, response) =>
    door(request, response, () => {
      response.writeHead(PASSED);
      response.end("passed to Next");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await resetUserData();
  await resetTestEvents();
});

beforeEach(async () => {
  await resetUserData();
  await resetTestEvents();
  // Astana is UTC+6 in 2017. Concert, same-start and overlapping conflict; the opera is 15 min after the concert
  // at another venue (a walking warning) and overlaps "overlapping"; the cancelled one neither
  // conflicts nor warns.
  const ids = await createTestEvents([
    { slug: "test-concert", start: "2017-08-14T12:00:00Z", end: "2017-08-14T14:00:00Z", venue: "nur-alem" },
    { slug: "test-overlapping", start: "2017-08-14T13:00:00Z", end: "2017-08-14T15:00:00Z", venue: "nur-alem" },
    { slug: "test-opera", start: "2017-08-14T14:15:00Z", end: "2017-08-14T16:00:00Z", venue: "astana-opera" },
    { slug: "test-same-start", start: "2017-08-14T12:00:00Z", end: "2017-08-14T13:00:00Z", venue: "nur-alem" },
    { slug: "test-cancelled", start: "2017-08-16T04:00:00Z", end: "2017-08-16T05:00:00Z", status: "CANCELLED" },
  ]);
  alice = await createTestUser({ name: "Alice" });
  aliceCookie = await sessionCookieFor(alice);
  await prisma.savedEvent.createMany({
    data: [...ids.entries()].map(([slug, eventId], index) => ({ userId: alice.id, eventId, note: index % 2 ? `note ${slug}` : null })),
  });
});

describe("the one query", () => {
  test("reads the same saves, in the same order, as Prisma's nested select did", async () => {
    const previous = await prisma.savedEvent.findMany({
      where: { userId: alice.id },
      select: {
        note: true,
        createdAt: true,
        event: {
          select: {
            slug: true,
            title: true,
            startsAt: true,
            endsAt: true,
            status: true,
            timeIsIllustrative: true,
            venue: { select: { slug: true, name: true, latitude: true, longitude: true } },
          },
        },
      },
      orderBy: [{ event: { startsAt: "asc" } }, { event: { endsAt: "asc" } }, { event: { slug: "asc" } }],
    });
    const expected = buildItinerary(previous.map(({ note, createdAt, event }) => ({ ...event, note, savedAt: createdAt.toISOString() })));
    const itinerary = await getItinerary(alice.id);
    expect(itinerary).toEqual(expected);
    expect(itinerary.conflictCount).toEqual(4);
    expect(itinerary.entries.map((entry) => entry.walkWarning?.fromSlug ?? null)).toEqual([null, null, null, "test-concert", null]);
    // Grouped by the Astana date of the start (18:00–20:15 on the 14th; 10:00 on the 16th).
    expect(itinerary.days.map((day) => [day.date, day.entries.map((entry) => entry.slug)])).toEqual([
      ["2017-08-14", ["test-same-start", "test-concert", "test-overlapping", "test-opera"]],
      ["2017-08-16", ["test-cancelled"]],
    ]);
  });

  test("takes each event's facts from the programme as it is now: an organiser's edit shows on the next read", async () => {
    expect((await readItineraryRows(alice.id)).saves.find((save) => save.slug === "test-opera")?.title).toEqual("Title of test-opera");
    await prisma.event.update({ where: { slug: "test-opera" }, data: { title: "Tosca", startsAt: new Date("2017-08-14T11:00:00Z") } });
    const { saves } = await readItineraryRows(alice.id);
    // Retitled, and first now: the order is the new time's.
    expect(saves.map((save) => [save.slug, save.title])[0]).toEqual(["test-opera", "Tosca"]);
    expect(saves.map((save) => save.slug)).toEqual(["test-opera", "test-same-start", "test-concert", "test-overlapping", "test-cancelled"]);
  });

  test("a save of an event added after this instance last read the programme version is read from the newest version", async () => {
    await readItineraryRows(alice.id);
    // As if the change's notification had not reached this instance yet: it still holds the old version.
    const stale = await programmeVersion.current();
    const current = jest.spyOn(programmeVersion, "current").mockResolvedValue(stale);
    try {
      const added = await createTestEvent("test-added", "2017-08-14T11:30:00Z", "2017-08-14T11:45:00Z");
      await prisma.savedEvent.create({ data: { userId: alice.id, eventId: added, note: "new" } });
      const { saves } = await readItineraryRows(alice.id);
      expect(saves.map((save) => [save.slug, save.title, save.note])[0]).toEqual(["test-added", "Title of test-added", "new"]);
      expect(saves.length).toEqual(6);
      expect(await programmeVersion.current()).toEqual(stale);
    } finally {
      current.mockRestore();
    }
  });

  test("gives the user's session columns, also for a user without saves, and nothing for an unknown id", async () => {
    const bob = await createTestUser({ name: "Bob" });
    expect(await readItineraryRows(bob.id)).toEqual({
      user: { id: bob.id, email: bob.email, name: "Bob", role: "VISITOR", emailVerified: null, sessionVersion: 0 },
      saves: [],
    });
    expect(await readItineraryRows("no-such-user")).toEqual({ user: null, saves: [] });
  });

  test("reads through the Prisma client's pg Pool exactly what Prisma's own query path reads for the statement", async () => {
    const bob = await createTestUser({ name: "Bob" });
    for (const userIds of [[alice.id], [bob.id], ["no-such-user"], [alice.id, "no-such-user", bob.id]]) {
      const byUser = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.userId).localeCompare(String(b.userId)));
      const throughPrisma = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(ITINERARY_ROWS_SQL, userIds);
      const throughPool = (await prismaPool()!.query(ITINERARY_ROWS_SQL, [userIds])).rows;
      expect(byUser(throughPool)).toEqual(byUser(throughPrisma));
      expect(throughPool.length).toEqual(userIds.filter((id) => id !== "no-such-user").length);
    }
    // Ids and versions as numbers, a save's instant as Date#toISOString writes it, from both.
    const [first] = (await prismaPool()!.query(ITINERARY_ROWS_SQL, [[alice.id]])).rows;
    const [eventId, savedAt] = first.saves[0];
    const saved = await prisma.savedEvent.findUniqueOrThrow({ where: { userId_eventId: { userId: alice.id, eventId } }, select: { createdAt: true } });
    expect([savedAt, typeof first.sessionVersion]).toEqual([saved.createdAt.toISOString(), "number"]);
  });

  test("reads the same rows through Prisma before it has connected and once $disconnect has ended its pool", async () => {
    const parked = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };
    const original = parked.prisma;
    parked.prisma = createPrismaClient(process.env.DATABASE_URL as string);
    try {
      expect(prismaPool()).toEqual(null);
      const throughPrisma = await readItineraryRows(alice.id);
      // That read connected Prisma: the next one runs on its pool.
      expect(prismaPool()).not.toEqual(null);
      expect(await readItineraryRows(alice.id)).toEqual(throughPrisma);
      await parked.prisma.$disconnect();
      expect(prismaPool()).toEqual(null);
      expect(await readItineraryRows(alice.id)).toEqual(throughPrisma);
      expect(throughPrisma.saves.length).toEqual(5);
    } finally {
      await parked.prisma?.$disconnect();
      parked.prisma = original;
    }
  });

  test("finds the users by primary key and their saves through the (userId, eventId) index, not a scan", async () => {
    const rows = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${ITINERARY_ROWS_SQL}`, [alice.id, "another-user"]);
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(/Index (Only )?Scan using "SavedEvent_userId_eventId_key"|Bitmap Index Scan on "SavedEvent_userId_eventId_key"/);
    expect(plan).toMatch(/Index Scan using "User_pkey"|Bitmap Index Scan on "User_pkey"/);
    expect(plan).not.toMatch(/Seq Scan on "SavedEvent"|Seq Scan on "User"/);
  });
});

describe("the door", () => {
  test("answers a signed-in GET with the route's status, body and headers, plus the headers Next adds", async () => {
    const [door, route] = [await viaDoor("/api/itinerary", { cookie: aliceCookie }), await viaRoute(aliceCookie)];
    expect(door.status).toEqual(200);
    expect(door.body).toEqual(route.body);
    expect(JSON.parse(door.body).count).toEqual(5);
    // Like a route's answer through Next: streamed (no Content-Length), Vary naming Accept-Encoding.
    const { date, connection, "keep-alive": keepAlive, "transfer-encoding": chunked, vary, ...headers } = door.headers;
    expect([typeof date, typeof connection, typeof keepAlive, chunked]).toEqual(["string", "string", "string", "chunked"]);
    const { vary: nextVary, ...nextAdded } = lowerCased(NEXT_ADDED_HEADERS);
    expect(vary).toEqual(`${nextVary}, Accept-Encoding`);
    expect(headers).toEqual({ ...nextAdded, ...route.headers });
    expect(route.headers).toEqual({ "content-type": "application/json", "cache-control": "private, no-store" });
  });

  test("without compression gives what Next's compression middleware gives when it does not compress", async () => {
    // "br" alone: the middleware runs (it only offers gzip and deflate) and sends the answer as it is;
    // without Accept-Encoding, or with identity, the door writes it itself.
    const strip = ({ date, ...rest }: Record<string, string>) => (void date, rest);
    const throughMiddleware = await viaDoor("/api/itinerary", { cookie: aliceCookie, "accept-encoding": "br" });
    const variants: Record<string, string>[] = [{}, { "accept-encoding": "identity" }, { "accept-encoding": "" }];
    for (const headers of variants) {
      const direct = await viaDoor("/api/itinerary", { cookie: aliceCookie, ...headers });
      expect([direct.status, strip(direct.headers), direct.body]).toEqual([throughMiddleware.status, strip(throughMiddleware.headers), throughMiddleware.body]);
    }
    const tampered = aliceCookie.slice(0, -3) + (aliceCookie.endsWith("AAA") ? "BBB" : "AAA");
    const [refused, refusedThroughMiddleware] = [await viaDoor("/api/itinerary", { cookie: tampered }), await viaDoor("/api/itinerary", { cookie: tampered, "accept-encoding": "br" })];
    expect([refused.status, strip(refused.headers), refused.body]).toEqual([401, strip(refusedThroughMiddleware.headers), refusedThroughMiddleware.body]);
  });

  test("gzips the answer for a client that accepts it, as Next's compression does", async () => {
    const door = await viaDoor("/api/itinerary", { cookie: aliceCookie, "accept-encoding": "gzip, deflate, br" });
    expect([door.status, door.headers["content-encoding"]]).toEqual([200, "gzip"]);
    expect(door.body).toEqual((await viaRoute(aliceCookie)).body);
  });

  test("passes to Next whatever it does not answer: no session, a query string, other methods, other paths", async () => {
    expect((await viaDoor("/api/itinerary", {})).status).toEqual(PASSED);
    expect((await viaDoor("/api/itinerary", { cookie: "other=1" })).status).toEqual(PASSED);
    expect((await viaDoor("/api/itinerary?via=next", { cookie: aliceCookie })).status).toEqual(PASSED);
    expect((await viaDoor("/api/itinerary/", { cookie: aliceCookie })).status).toEqual(PASSED);
    expect((await viaDoor("/api/itinerary", { cookie: aliceCookie }, "HEAD")).status).toEqual(PASSED);
    expect((await viaDoor("/api/itinerary", { cookie: aliceCookie }, "POST")).status).toEqual(PASSED);
    expect((await viaDoor("/api/itinerary/calendar.ics", { cookie: aliceCookie })).status).toEqual(PASSED);
  });

  test("a tampered cookie is 401, as from the route", async () => {
    const tampered = aliceCookie.slice(0, -3) + (aliceCookie.endsWith("AAA") ? "BBB" : "AAA");
    const [door, route] = [await viaDoor("/api/itinerary", { cookie: tampered }), await viaRoute(tampered)];
    expect([door.status, route.status]).toEqual([401, 401]);
    expect(door.body).toEqual(route.body);
    expect(JSON.parse(door.body)).toEqual({ error: "Sign in to use your itinerary." });
    expect(door.headers["cache-control"]).toEqual("no-store");
  });
});

describe("every session rule still ends a session on this path", () => {
  const both = async (cookie: string) => [(await viaDoor("/api/itinerary", { cookie })).status, (await viaRoute(cookie)).status];

  test("after sign-out elsewhere (a raised sessionVersion) the old cookie is 401", async () => {
    expect(await both(aliceCookie)).toEqual([200, 200]);
    await endAllSessions(alice.id);
    expect(await both(aliceCookie)).toEqual([401, 401]);
  });

  test("a deleted account's cookie is 401", async () => {
    await prisma.user.delete({ where: { id: alice.id } });
    expect(await both(aliceCookie)).toEqual([401, 401]);
  });

  test("a session older than the absolute lifetime is 401, a younger one 200", async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: alice.id, role: "VISITOR", method: "credentials", sessionVersion: 0 };
    expect(await both(await tokenCookie({ ...claims, signedInAt: now - SESSION_ABSOLUTE_LIFETIME_SECONDS + 60 }))).toEqual([200, 200]);
    expect(await both(await tokenCookie({ ...claims, signedInAt: now - SESSION_ABSOLUTE_LIFETIME_SECONDS - 60 }))).toEqual([401, 401]);
  });

  test("a password session from before the email was proven is 401", async () => {
    const now = Math.floor(Date.now() / 1000);
    await prisma.user.update({ where: { id: alice.id }, data: { emailVerified: new Date((now - 60) * 1000) } });
    const claims = { sub: alice.id, role: "VISITOR", method: "credentials", sessionVersion: 0 };
    expect(await both(await tokenCookie({ ...claims, signedInAt: now - 3600 }))).toEqual([401, 401]);
    expect(await both(await tokenCookie({ ...claims, signedInAt: now }))).toEqual([200, 200]);
  });

  test("claims naming no user are 401 without a query", async () => {
    expect(await both(await tokenCookie({ role: "VISITOR" }))).toEqual([401, 401]);
  });
});

describe("concurrent requests, read by one statement", () => {
  /** Bob with one save of his own; Carol signed in, then deleted. */
  async function threeVisitors() {
    const bob = await createTestUser({ name: "Bob" });
    const opera = await prisma.event.findUniqueOrThrow({ where: { slug: "test-opera" }, select: { id: true } });
    await prisma.savedEvent.create({ data: { userId: bob.id, eventId: opera.id, note: "Bob's" } });
    const carol = await createTestUser({ name: "Carol" });
    const carolCookie = await sessionCookieFor(carol);
    await prisma.user.delete({ where: { id: carol.id } });
    return { bob, bobCookie: await sessionCookieFor(bob), carol, carolCookie };
  }

  test("each user gets their own rows, a deleted user none, from one statement", async () => {
    const { bob, carol } = await threeVisitors();
    const alone = [await readItineraryRows(alice.id), await readItineraryRows(bob.id), await readItineraryRows(carol.id)];
    const pool = prismaPool()!;
    const query = jest.spyOn(pool, "query");
    try {
      const together = await Promise.all([readItineraryRows(alice.id), readItineraryRows(bob.id), readItineraryRows(carol.id), readItineraryRows(alice.id)]);
      expect(together).toEqual([alone[0], alone[1], alone[2], alone[0]]);
      // (The pool also carries Prisma's own queries, such as the programme version's.)
      const statements = query.mock.calls.map(([config]) => config as unknown as { name?: string; values: unknown[] }).filter((config) => config.name === ITINERARY_STATEMENT);
      expect(statements.map((config) => config.values)).toEqual([[[alice.id, bob.id, carol.id]]]);
    } finally {
      query.mockRestore();
    }
    expect(alone.map(({ user, saves }) => [saves.length, user?.name ?? null])).toEqual([
      [5, "Alice"],
      [1, "Bob"],
      [0, null],
    ]);
  });

  test("through the door, concurrent visitors each get the route's answer for their own session", async () => {
    const { bobCookie, carolCookie } = await threeVisitors();
    const cookies = [aliceCookie, bobCookie, carolCookie, aliceCookie];
    const doors = await Promise.all(cookies.map((cookie) => viaDoor("/api/itinerary", { cookie })));
    const routes = [];
    for (const cookie of cookies) routes.push(await viaRoute(cookie));
    expect(doors.map((door) => [door.status, door.body])).toEqual(routes.map((route) => [route.status, route.body]));
    expect(doors.map((door) => door.status)).toEqual([200, 200, 401, 200]);
    expect(JSON.parse(doors[1].body).items.map((item: { slug: string; note: string }) => [item.slug, item.note])).toEqual([["test-opera", "Bob's"]]);
  });
});

describe("with the database away", () => {
  test("the door answers 503 JSON with Retry-After, like the route, and recovers", async () => {
    const database = await switchableDatabase(process.env.DATABASE_URL as string);
    const parked = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
    const original = parked.prisma;
    parked.prisma = createPrismaClient(database.url);
    try {
      await database.stop();
      const [door, route] = [await viaDoor("/api/itinerary", { cookie: aliceCookie }), await viaRoute(aliceCookie)];
      expect([door.status, route.status]).toEqual([503, 503]);
      expect(door.body).toEqual(route.body);
      expect([door.headers["retry-after"], door.headers["cache-control"]]).toEqual([route.headers["retry-after"], "no-store"]);
      await database.start();
      expect((await viaDoor("/api/itinerary", { cookie: aliceCookie })).status).toEqual(200);
    } finally {
      await parked.prisma?.$disconnect();
      parked.prisma = original;
      await database.close();
    }
  });

  test("every request of a statement that fails answers 503, and the next ones read again", async () => {
    const bob = await createTestUser({ name: "Bob" });
    const bobCookie = await sessionCookieFor(bob);
    const database = await switchableDatabase(process.env.DATABASE_URL as string);
    const parked = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };
    const original = parked.prisma;
    parked.prisma = createPrismaClient(database.url);
    try {
      // Connected first, so the reads below go through the pool and gather into one statement.
      expect(await readItineraryRows(bob.id)).toEqual({ user: expect.objectContaining({ id: bob.id }), saves: [] });
      await database.stop();
      const reads = await Promise.allSettled([readItineraryRows(alice.id), readItineraryRows(bob.id), readItineraryRows("no-such-user")]);
      expect(reads.map((read) => read.status)).toEqual(["rejected", "rejected", "rejected"]);
      const [first, ...others] = reads.map((read) => (read as PromiseRejectedResult).reason as unknown);
      expect(others).toEqual([first, first]);
      expect(isDatabaseUnavailable(first)).toEqual(true);

      const doors = await Promise.all([aliceCookie, bobCookie, aliceCookie].map((cookie) => viaDoor("/api/itinerary", { cookie })));
      expect(doors.map((door) => [door.status, door.headers["retry-after"], JSON.parse(door.body)])).toEqual(
        [1, 2, 3].map(() => [503, String(RETRY_AFTER_SECONDS), { error: "The schedule's database is briefly unavailable. Try again in a few seconds." }]),
      );
      await database.start();
      const recovered = await Promise.all([aliceCookie, bobCookie].map((cookie) => viaDoor("/api/itinerary", { cookie })));
      expect(recovered.map((door) => [door.status, JSON.parse(door.body).count])).toEqual([
        [200, 5],
        [200, 0],
      ]);
    } finally {
      await parked.prisma?.$disconnect();
      parked.prisma = original;
      await database.close();
    }
  });
});

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
