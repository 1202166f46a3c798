import { PATCH as patchNationalDay } from "@/app/api/admin/national-days/[slug]/route";
import { prisma } from "@/lib/db";
import { adminRequest, answer, resetChangeLog } from "../helpers/admin";
import { resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor } from "../helpers/session";

let cookie: string;
let original: { name: string; summary: string; updatedAt: Date; timeline: { date: Date; dateLabel: string; text: string; position: number }[] };
const params = { params: Promise.resolve({ slug: "pakistan-day" }) };
const patch = async (body: unknown, as = cookie) =>
  answer(await patchNationalDay(adminRequest("PATCH", "/api/admin/national-days/pakistan-day", as, JSON.stringify(body)), params));

beforeAll(async () => {
  original = await prisma.programme.findUniqueOrThrow({
    where: { slug: "pakistan-day" },
    select: { name: true, summary: true, updatedAt: true, timeline: { select: { date: true, dateLabel: true, text: true, position: true }, orderBy: { position: "asc" } } },
  });
});

beforeEach(async () => {
  await resetUserData();
  await resetChangeLog();
  cookie = await sessionCookieFor(await createTestUser({ role: "ADMIN" }));
});

afterAll(async () => {
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
});
