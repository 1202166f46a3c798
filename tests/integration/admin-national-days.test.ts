import { POST as createNationalDayRoute } from "@/app/api/admin/national-days/route";
import { DELETE as deleteNationalDayRoute, PATCH as patchNationalDay } from "@/app/api/admin/national-days/[slug]/route";
import { prisma } from "@/lib/db";
import { adminRequest, answer, resetChangeLog } from "../helpers/admin";
import { resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor } from "../helpers/session";

let cookie: string;
let original: { name: string; summary: string; updatedAt: Date; timeline: { date: Date; dateLabel: string; text: string; position: number }[] };
const params = { params: Promise.resolve({ slug: "pakistan-day" }) };
const patch = async (body: unknown, as: string | null = cookie) =>
  answer(await patchNationalDay(adminRequest("PATCH", "/api/admin/national-days/pakistan-day", as, JSON.stringify(body)), params));
const create = async (body: unknown, as: string | null = cookie) => answer(await createNationalDayRoute(adminRequest("POST", "/api/admin/national-days", as, JSON.stringify(body))));
const remove = async (slug: string, updatedAt: string | null, as: string | null = cookie) =>
  answer(
    await deleteNationalDayRoute(adminRequest("DELETE", `/api/admin/national-days/${slug}${updatedAt === null ? "" : `?updatedAt=${encodeURIComponent(updatedAt)}`}`, as), {
      params: Promise.resolve({ slug }),
    }),
  );
const DAY = {
  slug: "test-nd-chile",
  name: "National Day of Chile",
  country: "Chile",
  date: "2017-09-05",
  summary: "Chile at EXPO 2017.",
  timeline: [{ date: "1992-02-24", dateLabel: "24 February 1992", text: "Relations with Chile established." }],
};
const updatedAtOf = async (slug: string) => (await prisma.programme.findUniqueOrThrow({ where: { slug }, select: { updatedAt: true } })).updatedAt.toISOString();

beforeAll(async () => {
  original = await prisma.programme.findUniqueOrThrow({
    where: { slug: "pakistan-day" },
    select: { name: true, summary: true, updatedAt: true, timeline: { select: { date: true, dateLabel: true, text: true, position: true }, orderBy: { position: "asc" } } },
  });
});

beforeEach(async () => {
  await resetUserData();
  await prisma.programme.deleteMany({ where: { slug: { startsWith: "test-nd-" } } });
  await resetChangeLog();
  cookie = await sessionCookieFor(await createTestUser({ role: "ADMIN" }));
});

afterAll(async () => {
  await prisma.programme.deleteMany({ where: { slug: { startsWith: "test-nd-" } } });
  // Put the seeded national day back as it was.
  const programme = await prisma.programme.update({ where: { slug: "pakistan-day" }, data: { name: original.name, summary: original.summary }, select: { id: true } });
  await prisma.timelineEntry.deleteMany({ where: { programmeId: programme.id } });
  await prisma.timelineEntry.createMany({ data: original.timeline.map((entry) => ({ ...entry, programmeId: programme.id })) });
  await resetUserData();
  await resetChangeLog();
});

describe("national days", () => {
  test("the summary and the whole timeline can be replaced; a stale save gets 409; the change is logged", async () => {
    const current = await prisma.programme.findUniqueOrThrow({ where: { slug: "pakistan-day" }, select: { updatedAt: true } });
    const timeline = [
      { date: "1992-02-24", dateLabel: "24 February 1992", text: "Diplomatic relations established." },
      { date: "2017-08-14", dateLabel: "14 August 2017", text: "Pakistan Day at EXPO 2017." },
    ];
    const saved = await patch({ updatedAt: current.updatedAt.toISOString(), summary: "A new summary.", timeline });
    expect([saved.status, (saved.body as { changed: string[] }).changed]).toEqual([200, ["summary", "timeline"]]);
    const stored = await prisma.timelineEntry.findMany({ where: { programme: { slug: "pakistan-day" } }, select: { dateLabel: true, position: true }, orderBy: { position: "asc" } });
    expect(stored).toEqual([
      { dateLabel: "24 February 1992", position: 0 },
      { dateLabel: "14 August 2017", position: 1 },
    ]);
    expect((await patch({ updatedAt: current.updatedAt.toISOString(), summary: "Stale." })).status).toEqual(409);
    expect(await prisma.changeLogEntry.findMany({ select: { subject: true, subjectSlug: true } })).toEqual([{ subject: "NATIONAL_DAY", subjectSlug: "pakistan-day" }]);
  });

  test("bad dates are 400; a visitor gets 403", async () => {
    const bad = await patch({ updatedAt: new Date().toISOString(), timeline: [{ date: "1992-02-30", dateLabel: "x", text: "y" }] });
    expect(bad.status).toEqual(400);
    expect((await patch({ updatedAt: new Date().toISOString(), summary: "x" }, await sessionCookieFor(await createTestUser()))).status).toEqual(403);
  });

  test("signed out gets 401 on create, edit and delete; nothing changes", async () => {
    expect([(await create(DAY, null)).status, (await patch({ updatedAt: new Date().toISOString(), summary: "x" }, null)).status, (await remove("pakistan-day", new Date().toISOString(), null)).status]).toEqual([
      401, 401, 401,
    ]);
    expect(await prisma.programme.count({ where: { slug: "test-nd-chile" } })).toEqual(0);
  });

  test("a visitor gets 403 on create and delete", async () => {
    const visitor = await sessionCookieFor(await createTestUser());
    expect([(await create(DAY, visitor)).status, (await remove("pakistan-day", await updatedAtOf("pakistan-day"), visitor)).status]).toEqual([403, 403]);
  });

  test("an admin creates a national day with its timeline; it is logged as new", async () => {
    const created = await create(DAY);
    expect(created.status).toEqual(201);
    expect(await prisma.programme.findUniqueOrThrow({ where: { slug: "test-nd-chile" }, select: { kind: true, country: true, date: true, timeline: { select: { dateLabel: true, position: true } } } })).toEqual({
      kind: "NATIONAL_DAY",
      country: "Chile",
      date: new Date("2017-09-05T00:00:00Z"),
      timeline: [{ dateLabel: "24 February 1992", position: 0 }],
    });
    expect(await prisma.changeLogEntry.findMany({ select: { subject: true, action: true, subjectSlug: true, label: true } })).toEqual([
      { subject: "NATIONAL_DAY", action: "CREATE", subjectSlug: "test-nd-chile", label: "National Day of Chile" },
    ]);
  });

  test("bad input is 400 naming every bad field, and nothing is written", async () => {
    const bad = await create({ ...DAY, slug: "Not A Slug", date: "2017-12-01", name: "Two\nlines", timeline: [{ date: "1992-02-30", dateLabel: "", text: "y" }] });
    expect(bad.status).toEqual(400);
    expect((bad.body as { details: { parameter: string }[] }).details.map((detail) => detail.parameter)).toEqual(["slug", "name", "timeline.0.date", "timeline.0.dateLabel", "date"]);
    expect((await create({ ...DAY, slug: "pakistan-day" })).body).toEqual({ error: "Invalid national day: slug", details: [{ parameter: "slug", message: "is already used by another national day or programme" }] });
    expect((await create({ ...DAY, date: "2017-12-01", allowOutsideExpo: true })).status).toEqual(201);
    expect(await prisma.changeLogEntry.count()).toEqual(1);
  });

  test("deleting needs the current updatedAt; a national day with events is refused naming how many", async () => {
    await create(DAY);
    expect((await remove("test-nd-chile", null)).status).toEqual(400);
    expect((await remove("test-nd-chile", "2017-01-01T00:00:00.000Z")).status).toEqual(409);
    const events = await prisma.event.count({ where: { programme: { slug: "pakistan-day" } } });
    expect(events > 1).toEqual(true);
    expect(await remove("pakistan-day", await updatedAtOf("pakistan-day"))).toEqual({
      status: 409,
      body: { error: `${events} events belong to this national day; move them to another programme or delete them first.` },
    });
    expect((await remove("no-such-day", new Date().toISOString())).status).toEqual(404);
  });

  test("an admin deletes a national day: its timeline goes, and the deletion is logged", async () => {
    await create(DAY);
    expect(await remove("test-nd-chile", await updatedAtOf("test-nd-chile"))).toEqual({ status: 200, body: { deleted: true } });
    expect([await prisma.programme.count({ where: { slug: "test-nd-chile" } }), await prisma.timelineEntry.count({ where: { text: "Relations with Chile established." } })]).toEqual([0, 0]);
    expect(await prisma.changeLogEntry.findMany({ select: { action: true, kind: true, subjectSlug: true }, orderBy: { id: "asc" } })).toEqual([
      { action: "CREATE", kind: "new", subjectSlug: "test-nd-chile" },
      { action: "DELETE", kind: "removed", subjectSlug: "test-nd-chile" },
    ]);
  });
});
