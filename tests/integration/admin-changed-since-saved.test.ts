import { POST as dismiss } from "@/app/api/itinerary/changes/[eventSlug]/route";
import { updateEvent } from "@/lib/admin/event-editor";
import { getItinerary } from "@/lib/itinerary/get-itinerary";
import { getChangesSinceSaved } from "@/lib/itinerary/changes-since-saved";
import { prisma } from "@/lib/db";
import { resetChangeLog } from "../helpers/admin";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor, type TestUser } from "../helpers/session";
import { createTestEvents } from "../helpers/test-events";

let visitor: TestUser;
let admin: TestUser;

async function save(slug: string) {
  const event = await prisma.event.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await prisma.savedEvent.create({ data: { userId: visitor.id, eventId: event.id, createdAt: new Date(Date.now() - 60_000) } });
}

const linesOf = async () => (await getChangesSinceSaved(visitor.id)).map((change) => [change.slug, change.lines]);

beforeEach(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
  visitor = await createTestUser();
  admin = await createTestUser({ role: "ADMIN" });
  await createTestEvents([
    { slug: "test-opera", start: "2017-07-13T13:00:00Z", end: "2017-07-13T15:00:00Z", venue: "astana-opera" },
    { slug: "test-match", start: "2017-07-14T13:00:00Z", end: "2017-07-14T15:00:00Z", venue: "barys-arena" },
    { slug: "test-later", start: "2017-07-14T15:00:00Z", end: "2017-07-14T16:00:00Z", venue: "barys-arena" },
    { slug: "test-unsaved", start: "2017-07-15T13:00:00Z", end: "2017-07-15T15:00:00Z" },
  ]);
});

afterAll(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
});

describe("changed since you saved it", () => {
  test("shows old and new values in plain words for saved events changed after saving, in time order", async () => {
    await save("test-opera");
    await save("test-match");
    await updateEvent("test-opera", { version: 1, start: "2017-07-14 20:00", end: "2017-07-14 22:00", venue: "barys-arena" }, admin.id);
    await updateEvent("test-match", { version: 1, status: "cancelled" }, admin.id);
    await updateEvent("test-unsaved", { version: 1, status: "cancelled" }, admin.id);
    expect(await linesOf()).toEqual([
      ["test-match", ["Cancelled"]],
      ["test-opera", ["Thu 13 Jul 19:00 → Fri 14 Jul 20:00", "Astana Opera → Barys Arena"]],
    ]);
  });

  test("several changes show as one from the saved value to the current one; a change undone disappears", async () => {
    await save("test-opera");
    await updateEvent("test-opera", { version: 1, start: "2017-07-13 20:00", end: "2017-07-13 22:00" }, admin.id);
    await updateEvent("test-opera", { version: 2, start: "2017-07-13 21:00", end: "2017-07-13 23:00", venue: "barys-arena" }, admin.id);
    await updateEvent("test-opera", { version: 3, venue: "astana-opera" }, admin.id);
    expect(await linesOf()).toEqual([["test-opera", ["Thu 13 Jul 19:00 → Thu 13 Jul 21:00"]]]);
  });

  test("changes made before the save are not news", async () => {
    await updateEvent("test-opera", { version: 1, venue: "barys-arena" }, admin.id);
    const event = await prisma.event.findUniqueOrThrow({ where: { slug: "test-opera" }, select: { id: true } });
    await prisma.savedEvent.create({ data: { userId: visitor.id, eventId: event.id } });
    expect(await linesOf()).toEqual([]);
  });

  test("dismissing hides it until the event changes again; another visitor cannot dismiss it", async () => {
    await save("test-opera");
    await updateEvent("test-opera", { version: 1, venue: "barys-arena" }, admin.id);
    const request = (cookie: string) =>
      new Request("http://localhost:3000/api/itinerary/changes/test-opera", {
        method: "POST",
        headers: { host: "localhost:3000", cookie, "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
      });
    const params = { params: Promise.resolve({ eventSlug: "test-opera" }) };
    const other = await createTestUser();
    await dismiss(request(await sessionCookieFor(other)), params);
    expect((await linesOf()).length).toEqual(1);
    const response = await dismiss(request(await sessionCookieFor(visitor)), params);
    expect([response.status, response.headers.get("location")]).toEqual([303, "/itinerary"]);
    expect(await linesOf()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateEvent("test-opera", { version: 2, status: "cancelled" }, admin.id);
    expect(await linesOf()).toEqual([["test-opera", ["Cancelled"]]]);
  });

  test("conflicts are recomputed with the new times", async () => {
    await save("test-opera");
    await save("test-later");
    expect((await getItinerary(visitor.id)).conflictCount).toEqual(0);
    await updateEvent("test-opera", { version: 1, start: "2017-07-14 21:00", end: "2017-07-14 22:30", venue: "barys-arena" }, admin.id);
    expect((await getItinerary(visitor.id)).conflictCount).toEqual(2);
  });
});
