import { POST as createVenueRoute } from "@/app/api/admin/venues/route";
import { PATCH as patchVenueRoute } from "@/app/api/admin/venues/[slug]/route";
import { prisma } from "@/lib/db";
import { adminRequest, answer, resetChangeLog } from "../helpers/admin";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor } from "../helpers/session";
import { createTestEvent } from "../helpers/test-events";

let cookie: string;
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const patch = async (slug: string, body: unknown, as = cookie) =>
  answer(await patchVenueRoute(adminRequest("PATCH", `/api/admin/venues/${slug}`, as, JSON.stringify(body)), params(slug)));
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
});
