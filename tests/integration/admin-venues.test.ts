import { POST as createVenueRoute } from "@/app/api/admin/venues/route";
import { DELETE as deleteVenueRoute, PATCH as patchVenueRoute } from "@/app/api/admin/venues/[slug]/route";
import { prisma } from "@/lib/db";
import { adminRequest, answer, resetChangeLog } from "../helpers/admin";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor } from "../helpers/session";
import { createTestEvent } from "../helpers/test-events";

let cookie: string;
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const patch = async (slug: string, body: unknown, as = cookie) =>
  answer(await patchVenueRoute(adminRequest("PATCH", `/api/admin/venues/${slug}`, as, JSON.stringify(body)), params(slug)));
const remove = async (slug: string, updatedAt: string | null, as: string | null = cookie) =>
  answer(await deleteVenueRoute(adminRequest("DELETE", `/api/admin/venues/${slug}${updatedAt === null ? "" : `?updatedAt=${encodeURIComponent(updatedAt)}`}`, as), params(slug)));
const updatedAtOf = async (slug: string) => (await prisma.venue.findUniqueOrThrow({ where: { slug }, select: { updatedAt: true } })).updatedAt.toISOString();
const VENUE = { slug: "test-venue-hall", name: "Test Hall", kind: "concert_hall", address: "1 Test Street, Astana", latitude: 51.09, longitude: 71.41 };

beforeEach(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
  await prisma.venue.deleteMany({ where: { slug: { startsWith: "test-venue-" } } });
  cookie = await sessionCookieFor(await createTestUser({ role: "ADMIN" }));
});

afterAll(async () => {
  await resetTestEvents();
  await prisma.venue.deleteMany({ where: { slug: { startsWith: "test-venue-" } } });
  await resetUserData();
  await resetChangeLog();
});

describe("venues", () => {
  test("create, then rename: events' search text follows, a stale save gets 409, both changes are logged", async () => {
    const created = await answer(await createVenueRoute(adminRequest("POST", "/api/admin/venues", cookie, JSON.stringify(VENUE))));
    expect(created.status).toEqual(201);
    await createTestEvent("test-at-hall", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z", "test-venue-hall");
    const loadedAt = (created.body as { venue: { updatedAt: string } }).venue.updatedAt;
    const renamed = await patch("test-venue-hall", { updatedAt: loadedAt, name: "Grand Test Hall" });
    expect(renamed.status).toEqual(200);
    expect((await prisma.event.findUniqueOrThrow({ where: { slug: "test-at-hall" }, select: { searchText: true } })).searchText).toEqual(
      "title of test-at-hall description of test-at-hall. grand test hall",
    );
    expect((await patch("test-venue-hall", { updatedAt: loadedAt, address: "2 Test Street" })).status).toEqual(409);
    expect(await prisma.changeLogEntry.findMany({ select: { subject: true, action: true, fields: true }, orderBy: { id: "asc" }, where: { action: "UPDATE" } })).toEqual([
      { subject: "VENUE", action: "UPDATE", fields: { name: { old: "Test Hall", new: "Grand Test Hall" } } },
    ]);
  });

  test("bad input is 400 naming the fields; a visitor gets 403", async () => {
    const bad = await answer(await createVenueRoute(adminRequest("POST", "/api/admin/venues", cookie, JSON.stringify({ ...VENUE, latitude: 123, kind: "castle" }))));
    expect(bad.status).toEqual(400);
    expect((bad.body as { details: { parameter: string }[] }).details.map((detail) => detail.parameter)).toEqual(["kind", "latitude"]);
    const visitor = await sessionCookieFor(await createTestUser());
    expect((await patch("astana-opera", { updatedAt: new Date().toISOString(), name: "X" }, visitor)).status).toEqual(403);
  });

  test("deleting: 401 signed out, 403 to a visitor; the venue stays", async () => {
    await answer(await createVenueRoute(adminRequest("POST", "/api/admin/venues", cookie, JSON.stringify(VENUE))));
    const updatedAt = await updatedAtOf("test-venue-hall");
    const visitor = await sessionCookieFor(await createTestUser());
    expect([(await remove("test-venue-hall", updatedAt, null)).status, (await remove("test-venue-hall", updatedAt, visitor)).status]).toEqual([401, 403]);
    expect(await prisma.venue.count({ where: { slug: "test-venue-hall" } })).toEqual(1);
  });

  test("a venue with events cannot be deleted: 409 naming how many events use it", async () => {
    await answer(await createVenueRoute(adminRequest("POST", "/api/admin/venues", cookie, JSON.stringify(VENUE))));
    await createTestEvent("test-at-hall-1", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z", "test-venue-hall");
    await createTestEvent("test-at-hall-2", "2017-07-14T13:00:00Z", "2017-07-14T15:00:00Z", "test-venue-hall");
    expect(await remove("test-venue-hall", await updatedAtOf("test-venue-hall"))).toEqual({
      status: 409,
      body: { error: "2 events use this venue; move them to another venue or delete them first." },
    });
    expect(await prisma.venue.count({ where: { slug: "test-venue-hall" } })).toEqual(1);
  });

  test("deleting needs the current updatedAt: missing is 400, stale is 409, unknown venue 404", async () => {
    await answer(await createVenueRoute(adminRequest("POST", "/api/admin/venues", cookie, JSON.stringify(VENUE))));
    expect((await remove("test-venue-hall", null)).status).toEqual(400);
    expect((await remove("test-venue-hall", "2017-01-01T00:00:00.000Z")).status).toEqual(409);
    expect((await remove("test-venue-nowhere", new Date().toISOString())).status).toEqual(404);
  });

  test("an admin deletes an unused venue, and the deletion is logged", async () => {
    await answer(await createVenueRoute(adminRequest("POST", "/api/admin/venues", cookie, JSON.stringify(VENUE))));
    expect(await remove("test-venue-hall", await updatedAtOf("test-venue-hall"))).toEqual({ status: 200, body: { deleted: true } });
    expect(await prisma.venue.count({ where: { slug: "test-venue-hall" } })).toEqual(0);
    expect(await prisma.changeLogEntry.findMany({ select: { subject: true, action: true, kind: true, label: true }, orderBy: { id: "asc" } })).toEqual([
      { subject: "VENUE", action: "CREATE", kind: "new", label: "Test Hall" },
      { subject: "VENUE", action: "DELETE", kind: "removed", label: "Test Hall" },
    ]);
  });
});
