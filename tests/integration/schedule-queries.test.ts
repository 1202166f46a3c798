import { prisma } from "@/lib/db";
import { getEventDetail } from "@/lib/schedule/event-detail";
import { getNationalDay } from "@/lib/schedule/national-days";
import { getScheduleView } from "@/lib/schedule/schedule-view";
import { getVenueSchedule } from "@/lib/schedule/venues";
import { astanaDateOf, astanaDayRange, formatAstanaTime } from "@/lib/time/astana";

const AFTER_THE_EXPO = new Date("2025-01-15T12:00:00Z");

describe("getScheduleView", () => {
  test("without a date it opens on opening day when the expo is not running", async () => {
    const view = await getScheduleView({}, AFTER_THE_EXPO);
    const { start, end } = astanaDayRange("2017-06-10");
    expect(view.mode).toEqual({ kind: "day", date: "2017-06-10" });
    expect(view.total).toEqual(await prisma.event.count({ where: { startsAt: { gte: start, lt: end } } }));
    expect(view.events.every((event) => astanaDateOf(event.startsAt) === "2017-06-10")).toEqual(true);
  });

  test("during the expo it opens on that day in Astana", async () => {
    // 20:30 UTC on 13 August is already 02:30 on 14 August in Astana.
    const view = await getScheduleView({}, new Date("2017-08-13T20:30:00Z"));
    expect(view.mode).toEqual({ kind: "day", date: "2017-08-14" });
  });

  test("day, category and venue combine", async () => {
    const view = await getScheduleView({ date: "2017-08-26", category: "concert", venue: "central-concert-hall" });
    expect(view.events.map((event) => event.slug)).toEqual(["mahler-symphony-no-8"]);
    expect(view.total).toEqual(1);
    expect(view.labels).toEqual({ category: "Concerts", venue: "Kazakhstan Central Concert Hall", programme: undefined });
  });

  test("a search without a date covers every day", async () => {
    const view = await getScheduleView({ q: "Mahler" });
    expect(view.mode).toEqual({ kind: "all" });
    expect(view.form.date).toEqual("all");
    expect(view.events.map((event) => event.slug)).toEqual(["mahler-symphony-no-8"]);
  });

  test("a programme with all days lists Pakistan Day's events, all on 14 August at Astana times", async () => {
    const view = await getScheduleView({ date: "all", programme: "pakistan-day" });
    expect(view.total).toBeGreaterThanOrEqual(2);
    expect(new Set(view.events.map((event) => astanaDateOf(event.startsAt)))).toEqual(new Set(["2017-08-14"]));
    expect(view.events.map((event) => formatAstanaTime(event.startsAt))).toContain("19:00 Astana, UTC+6");
  });

  test("now and next at a moment lists running events and the next to start", async () => {
    const view = await getScheduleView({ at: "2017-08-14T19:30", programme: "pakistan-day" });
    const instant = new Date("2017-08-14T13:30:00Z");
    expect(view.mode).toEqual({ kind: "moment", moment: { local: "2017-08-14T19:30", date: "2017-08-14", instant } });
    expect(view.onNow.map((event) => event.slug)).toContain("pakistan-day-evening-concert");
    expect(view.onNow.every((event) => event.startsAt <= instant && event.endsAt > instant)).toEqual(true);
    expect(view.upNext.every((event) => event.startsAt > instant)).toEqual(true);
  });

  test("paging through all days with the cursor neither skips nor repeats", async () => {
    const first = await getScheduleView({ q: "tent" });
    expect(first.events.length).toEqual(100);
    expect(first.nextCursor).not.toBeNull();
    const second = await getScheduleView({ q: "tent", cursor: first.nextCursor! });
    const expected = await prisma.event.findMany({
      where: { searchText: { contains: "tent" } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: 200,
      select: { slug: true },
    });
    expect([...first.events, ...second.events].map((event) => event.slug)).toEqual(expected.map((event) => event.slug));
  });

  test("bad parameters come back as named problems and no events", async () => {
    const view = await getScheduleView({ date: "2017-13-01", category: "knitting", at: "soon", cursor: "forged" });
    expect(view.problems.map((problem) => problem.parameter).sort()).toEqual(["at", "cursor"]);
    const unknown = await getScheduleView({ date: "2017-08-14", category: "knitting" });
    expect(unknown.problems).toEqual([{ parameter: "category", message: 'unknown category "knitting"' }]);
    expect(unknown.events).toEqual([]);
  });

  test("a date outside the expo is a problem", async () => {
    const view = await getScheduleView({ date: "2017-09-11" });
    expect(view.problems).toEqual([{ parameter: "date", message: "2017-09-11 is outside the expo (2017-06-10 to 2017-09-10)" }]);
  });
});

describe("event, venue and national-day pages", () => {
  test("an event page names the other events at its venue that day, not itself", async () => {
    const detail = await getEventDetail("pakistan-day-evening-concert");
    expect(detail?.day).toEqual("2017-08-14");
    expect(detail?.sameVenueSameDay.map((event) => event.slug)).not.toContain("pakistan-day-evening-concert");
    expect(detail?.sameVenueSameDay.every((event) => event.venue.slug === "expo-open-air-stage")).toEqual(true);
    expect(detail?.sameVenueSameDay.every((event) => astanaDateOf(event.startsAt) === "2017-08-14")).toEqual(true);
  });

  test("unknown and malformed slugs find nothing", async () => {
    expect(await Promise.all([getEventDetail("nope"), getEventDetail("DROP TABLE"), getVenueSchedule("nope"), getNationalDay("nope")])).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  test("a venue's events are grouped by Astana day in order", async () => {
    const schedule = await getVenueSchedule("tent-01");
    const days = schedule!.days.map((day) => day.date);
    expect(days).toEqual([...days].sort());
    expect(new Set(days).size).toEqual(days.length);
    expect(schedule!.eventCount).toEqual(await prisma.event.count({ where: { venue: { slug: "tent-01" } } }));
  });

  test("Pakistan Day carries its timeline from 1992 to the EXPO participation agreement", async () => {
    const day = await getNationalDay("pakistan-day");
    expect(day?.date).toEqual("2017-08-14");
    expect(day?.timeline[0].dateLabel).toEqual("24 February 1992");
    const text = day!.timeline.map((entry) => entry.text).join(" ");
    expect(text).toMatch(/observer/);
    expect(text).toMatch(/EXPO/);
  });
});
