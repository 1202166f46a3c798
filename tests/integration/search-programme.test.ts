import { prisma } from "@/lib/db";
import { countMatchesByDay } from "@/lib/schedule/search-programme";
import { getScheduleView } from "@/lib/schedule/schedule-view";
import { astanaDateOf } from "@/lib/time/astana";
import { seedDatabase } from "../../prisma/seed";

const slugsOf = (view: { events: { slug: string }[] }) => view.events.map((event) => event.slug);

describe("searching the whole programme", () => {
  it("finds the same events for Astana Opera in any case, with hyphens, accents or in Cyrillic", async () => {
    const views = await Promise.all(
      ["Astana Opera", "astana opera", "ASTANA-OPERA", "Astana,Opera", "Астана опера"].map((q) => getScheduleView({ q })),
    );
    const expected = slugsOf(views[0]);
    expect(expected.length).toBeGreaterThan(0);
    expect(views.map(slugsOf)).toEqual(views.map(() => expected));
  });

  it("finds Operalia by Placido without the accent", async () => {
    const view = await getScheduleView({ q: "placido domingo" });
    expect(slugsOf(view)).toEqual(
      (await prisma.event.findMany({ where: { performers: { has: "Plácido Domingo" } }, select: { slug: true }, orderBy: { startsAt: "asc" } })).map(
        (row) => row.slug,
      ),
    );
  });

  it("a new search typed while 14 August is shown covers every day and finds Mahler's Eighth", async () => {
    const view = await getScheduleView({ date: "2017-08-14", q: "Mahler", shownDate: "2017-08-14", shownQ: "" });
    expect(view.mode).toEqual({ kind: "all" });
    expect(view.form.date).toEqual("all");
    expect(slugsOf(view)).toEqual(["mahler-symphony-no-8"]);
    expect(view.dayCounts).toEqual([{ date: "2017-08-26", count: 1 }]);
  });

  it("a search of punctuation only matches nothing rather than everything", async () => {
    const view = await getScheduleView({ q: "- % _" });
    expect([view.mode, view.total]).toEqual([{ kind: "all" }, 0]);
  });

  it("a day named explicitly still narrows the search", async () => {
    const view = await getScheduleView({ date: "2017-08-14", q: "Mahler" });
    expect(view.mode).toEqual({ kind: "day", date: "2017-08-14" });
    expect(view.total).toEqual(0);
  });

  it("groups a search over many days by Astana day with counts that add up to the total", async () => {
    const view = await getScheduleView({ q: "tent" });
    const sum = view.dayCounts.reduce((total, day) => total + day.count, 0);
    expect(sum).toEqual(view.total);
    expect(view.dayCounts.map((day) => day.date)).toEqual([...new Set(view.dayCounts.map((day) => day.date))].sort());
    const firstDay = view.dayCounts[0];
    const shownOnFirstDay = view.events.filter((event) => astanaDateOf(event.startsAt) === firstDay.date).length;
    expect(shownOnFirstDay).toEqual(Math.min(firstDay.count, view.events.length));
  });

  it("counts per day exactly as each event's own Astana date does", async () => {
    const where = { searchText: { contains: "e" } };
    const rows = await prisma.event.findMany({ where, select: { startsAt: true } });
    const expected = new Map<string, number>();
    for (const row of rows) expected.set(astanaDateOf(row.startsAt), (expected.get(astanaDateOf(row.startsAt)) ?? 0) + 1);
    const counts = await countMatchesByDay(where);
    expect(counts).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })));
  });

  it("counts matches per day in one query over the selection", async () => {
    const counts = await countMatchesByDay({ programme: { slug: "pakistan-day" } });
    expect(counts).toEqual([{ date: "2017-08-14", count: await prisma.event.count({ where: { programme: { slug: "pakistan-day" } } }) }]);
  });
});

describe("the seed re-sync", () => {
  it("rewrites a searchText built the old way", async () => {
    await prisma.event.update({ where: { slug: "la-scala-in-astana" }, data: { searchText: "teatro alla scala in astana (old form)" } });

    await seedDatabase(prisma);

    const row = await prisma.event.findUniqueOrThrow({ where: { slug: "la-scala-in-astana" }, select: { searchText: true } });
    expect(row.searchText.startsWith("teatro alla scala in astana")).toBe(true);
    expect(row.searchText).not.toContain("(");
  });
});
