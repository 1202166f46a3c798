import { GET as getEventFile } from "@/app/calendar/events/[file]/route";
import { POST as createEventRoute } from "@/app/api/admin/events/route";
import { DELETE as deleteEventRoute, PATCH as patchEventRoute } from "@/app/api/admin/events/[slug]/route";
import { updateEvent } from "@/lib/admin/event-editor";
import { prisma } from "@/lib/db";
import { adminRequest, answer, eventInput, resetChangeLog } from "../helpers/admin";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor, type TestUser } from "../helpers/session";
import { createTestEvent } from "../helpers/test-events";
import { parseFeed } from "./calendar-feed-helpers";

const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });
let admin: TestUser;
let cookie: string;

async function create(body: unknown) {
  return answer(await createEventRoute(adminRequest("POST", "/api/admin/events", cookie, JSON.stringify(body))));
}

async function patch(slug: string, body: unknown) {
  return answer(await patchEventRoute(adminRequest("PATCH", `/api/admin/events/${slug}`, cookie, JSON.stringify(body)), slugParams(slug)));
}

async function remove(slug: string, version: number) {
  return answer(await deleteEventRoute(adminRequest("DELETE", `/api/admin/events/${slug}?version=${version}`, cookie), slugParams(slug)));
}

async function feedOf(slug: string) {
  const file = `${slug}.ics`;
  const response = await getEventFile(new Request(`http://localhost:3000/calendar/events/${file}`), { params: Promise.resolve({ file }) });
  const text = await response.text();
  const [event] = parseFeed(text).events;
  return { text, event };
}

const stored = (slug: string) =>
  prisma.event.findUniqueOrThrow({
    where: { slug },
    select: { uid: true, sequence: true, version: true, status: true, startsAt: true, endsAt: true, updatedAt: true, timeIsIllustrative: true, venue: { select: { slug: true } } },
  });

beforeEach(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
  admin = await createTestUser({ role: "ADMIN" });
  cookie = await sessionCookieFor(admin);
});

afterAll(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
});

describe("creating an event", () => {
  test("stores Astana times as instants, a fixed UID, and logs the creation with its fields", async () => {
    const result = await create(eventInput("test-new-opera"));
    expect(result.status).toEqual(201);
    const row = await stored("test-new-opera");
    expect([row.uid, row.startsAt.toISOString(), row.endsAt.toISOString(), row.version, row.sequence]).toEqual([
      "test-new-opera@expo2017-schedule",
      "2017-07-13T13:00:00.000Z",
      "2017-07-13T15:00:00.000Z",
      1,
      0,
    ]);
    const log = await prisma.changeLogEntry.findMany({ select: { action: true, subjectSlug: true, actorId: true, fields: true } });
    expect(log).toHaveLength(1);
    expect(log[0].action).toEqual("CREATE");
    expect(log[0].actorId).toEqual(admin.id);
    expect((log[0].fields as Record<string, unknown>).start).toEqual({ old: null, new: "2017-07-13T13:00:00.000Z" });
  });

  test("bad input is 400 naming every problem, and nothing is stored", async () => {
    const result = await create(
      eventInput("Not A Slug", { title: "Line\r\nBEGIN:VEVENT", start: "13/07/2017 19:00", end: "2017-07-13 18:00", venue: "nowhere" }),
    );
    expect(result).toEqual({
      status: 400,
      body: {
        error: "Invalid event: slug, title, start",
        details: [
          { parameter: "slug", message: "must be a slug (lower-case letters, digits and hyphens, at most 100)" },
          { parameter: "title", message: "must not contain line breaks or control characters" },
          { parameter: "start", message: 'must be an Astana time like "2017-07-13 19:00" or an ISO instant with offset' },
        ],
      },
    });
    expect(await prisma.changeLogEntry.count()).toEqual(0);
  });

  test("end before start, a date outside the expo, an unknown venue and a taken slug are refused", async () => {
    await createTestEvent("test-taken", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z");
    const times = await create(eventInput("test-a", { start: "2017-07-13 19:00", end: "2017-07-13 18:00" }));
    const outside = await create(eventInput("test-b", { start: "2017-09-11 19:00", end: "2017-09-11 20:00" }));
    const references = await create(eventInput("test-taken", { venue: "nowhere" }));
    expect([times.body, outside.body, references.body]).toEqual([
      { error: "Invalid event: end", details: [{ parameter: "end", message: "must be after the start" }] },
      {
        error: "Invalid event: start, end",
        details: [
          { parameter: "start", message: "must be during the expo (10 June – 10 September 2017)" },
          { parameter: "end", message: "must be during the expo (10 June – 10 September 2017)" },
        ],
      },
      {
        error: "Invalid event: venue, slug",
        details: [
          { parameter: "venue", message: 'no venue "nowhere"' },
          { parameter: "slug", message: "is already used by another event" },
        ],
      },
    ]);
    const allowed = await create(eventInput("test-b", { start: "2017-09-11 19:00", end: "2017-09-11 20:00", allowOutsideExpo: true }));
    expect(allowed.status).toEqual(201);
  });

  test("HTML in a title is stored as text", async () => {
    await create(eventInput("test-html", { title: "<script>alert(1)</script> Gala" }));
    expect((await prisma.event.findUniqueOrThrow({ where: { slug: "test-html" }, select: { title: true } })).title).toEqual(
      "<script>alert(1)</script> Gala",
    );
  });
});

describe("reschedule, move and cancel", () => {
  beforeEach(async () => {
    await createTestEvent("test-concert", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z", "astana-opera");
    await prisma.event.update({ where: { slug: "test-concert" }, data: { timeIsIllustrative: true } });
  });

  test("a reschedule raises SEQUENCE, LAST-MODIFIED and the version, clears 'illustrative', keeps the UID", async () => {
    const before = await feedOf("test-concert");
    const result = await patch("test-concert", { version: 1, start: "2017-07-14 20:00", end: "2017-07-14 22:00" });
    expect(result.status).toEqual(200);
    const after = await feedOf("test-concert");
    const row = await stored("test-concert");
    expect([row.sequence, row.version, row.timeIsIllustrative, row.startsAt.toISOString()]).toEqual([1, 2, false, "2017-07-14T14:00:00.000Z"]);
    expect([after.event.uid, Number(after.event.sequence)]).toEqual([before.event.uid, Number(before.event.sequence) + 1]);
    expect(after.event.start.toISOString()).toEqual("2017-07-14T14:00:00.000Z");
    expect(after.event.lastmodified!.getTime()).toBeGreaterThan(before.event.lastmodified!.getTime() - 1000);
    expect(after.text).toContain(`LAST-MODIFIED:${row.updatedAt.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`);
  });

  test("a move to another venue raises SEQUENCE and is logged with old and new venue", async () => {
    await patch("test-concert", { version: 1, venue: "barys-arena" });
    const row = await stored("test-concert");
    expect([row.sequence, row.venue.slug, row.uid]).toEqual([1, "barys-arena", "test-concert@expo2017-schedule"]);
    const [entry] = await prisma.changeLogEntry.findMany({ select: { action: true, fields: true } });
    expect(entry).toEqual({
      action: "UPDATE",
      fields: { venue: { old: "astana-opera", new: "barys-arena" }, version: { old: 1, new: 2 } },
    });
  });

  test("cancelling keeps the event, STATUS:CANCELLED and a SUMMARY beginning 'Cancelled:'", async () => {
    await patch("test-concert", { version: 1, status: "cancelled" });
    const { event, text } = await feedOf("test-concert");
    expect([event.status, event.summary, Number(event.sequence), event.uid]).toEqual([
      "CANCELLED",
      "Cancelled: Title of test-concert",
      1,
      "test-concert@expo2017-schedule",
    ]);
    expect(text).toContain("\r\nSUMMARY:Cancelled: Title of test-concert\r\n");
    expect((await prisma.changeLogEntry.findFirstOrThrow({ select: { action: true } })).action).toEqual("CANCEL");
  });

  test("a title change raises the version but not SEQUENCE; a change to nothing raises nothing", async () => {
    await patch("test-concert", { version: 1, title: "New title" });
    await patch("test-concert", { version: 2, title: "New title" });
    const row = await stored("test-concert");
    expect([row.sequence, row.version]).toEqual([0, 2]);
    expect(await prisma.changeLogEntry.count()).toEqual(1);
  });
});

describe("two organisers editing the same event", () => {
  beforeEach(async () => {
    await createTestEvent("test-shared", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z", "astana-opera");
  });

  test("the second save from the same version gets 409 naming the fields changed meanwhile, and nothing is overwritten", async () => {
    const first = await patch("test-shared", { version: 1, start: "2017-07-13 20:00", end: "2017-07-13 22:00", venue: "barys-arena" });
    const second = await patch("test-shared", { version: 1, title: "Someone else's title", start: "2017-07-13 18:00", end: "2017-07-13 19:00" });
    expect(first.status).toEqual(200);
    expect(second).toEqual({
      status: 409,
      body: {
        error:
          "Someone else changed this event since you opened it (venue, start, end). Reload it to see their change, then apply yours again.",
        fields: ["venue", "start", "end"],
        currentVersion: 2,
      },
    });
    const row = await prisma.event.findUniqueOrThrow({ where: { slug: "test-shared" }, select: { title: true, startsAt: true } });
    expect([row.title, row.startsAt.toISOString()]).toEqual(["Title of test-shared", "2017-07-13T14:00:00.000Z"]);
  });

  test("saves racing from the same version: exactly one wins", async () => {
    const results = await Promise.all([
      patch("test-shared", { version: 1, title: "A" }),
      patch("test-shared", { version: 1, title: "B" }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(await prisma.changeLogEntry.count()).toEqual(1);
  });
});

describe("the change log shares the change's transaction", () => {
  test("a change whose log row cannot be written is not applied either", async () => {
    await createTestEvent("test-atomic", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z");
    // No such user: the log row violates its foreign key, so the whole transaction rolls back.
    await expect(updateEvent("test-atomic", { version: 1, status: "CANCELLED" }, "no-such-user")).rejects.toThrow();
    const row = await stored("test-atomic");
    expect([row.status, row.sequence, row.version]).toEqual(["SCHEDULED", 0, 1]);
    expect(await prisma.changeLogEntry.count()).toEqual(0);
  });
});

describe("deleting", () => {
  test("an event nobody saved is deleted and the deletion logged; one with saves is cancelled instead", async () => {
    await createTestEvent("test-unsaved", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z");
    const savedId = await createTestEvent("test-saved", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z");
    const visitor = await createTestUser();
    await prisma.savedEvent.create({ data: { userId: visitor.id, eventId: savedId } });
    expect(await remove("test-unsaved", 1)).toEqual({ status: 200, body: { deleted: true, cancelledInstead: false } });
    expect(await remove("test-saved", 1)).toEqual({ status: 200, body: { deleted: false, cancelledInstead: true } });
    expect(await prisma.event.count({ where: { slug: "test-unsaved" } })).toEqual(0);
    expect((await stored("test-saved")).status).toEqual("CANCELLED");
    const log = await prisma.changeLogEntry.findMany({ select: { action: true, subjectSlug: true }, orderBy: { id: "asc" } });
    expect(log).toEqual([
      { action: "DELETE", subjectSlug: "test-unsaved" },
      { action: "CANCEL", subjectSlug: "test-saved" },
    ]);
  });
});
