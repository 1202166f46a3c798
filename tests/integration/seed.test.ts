import { createPrismaClient, prisma, type PrismaClient } from "../../lib/db";
import { readProgrammeFile } from "../../lib/seed/load-programme-data";
import { ProgrammeDataError } from "../../lib/seed/programme-data-error";
import type { EventInput, ProgrammeData } from "../../lib/seed/programme-schema";
import { seedProgramme } from "../../lib/seed/seed-programme";
import { astanaDayRange, zonedTimeToUtc } from "../../lib/time/astana";
import { applyMigrations } from "../../prisma/migrate";
import { loadProgramme, PROGRAMME_DATA_FILE, seedDatabase } from "../../prisma/seed";
import { createScratchDatabase } from "../helpers/scratch-database";

const file = readProgrammeFile(PROGRAMME_DATA_FILE);
const programme = loadProgramme();
const generatedCount = programme.events.filter((event) => event.source === "GENERATED").length;

describe("the seeded programme", () => {
  it("holds every event of the programme, at least 3,000", async () => {
    const stored = await prisma.event.count({ where: { slug: { in: programme.events.map((event) => event.slug) } } });

    expect(stored).toBe(programme.events.length);
    expect(stored).toBeGreaterThanOrEqual(3000);
  });

  it("holds every article event at its venue, marked ARTICLE", async () => {
    const rows = await prisma.event.findMany({
      where: { slug: { in: file.events.map((event) => event.slug) } },
      select: { slug: true, source: true, venue: { select: { slug: true } } },
      orderBy: { slug: "asc" },
    });

    const expected = file.events
      .map((event) => ({ slug: event.slug, source: "ARTICLE", venue: { slug: event.venue } }))
      .sort((a, b) => a.slug.localeCompare(b.slug));
    expect(rows).toEqual(expected);
  });

  it("holds the Pakistan Day programme on 14 August 2017 with its timeline", async () => {
    const pakistanDay = await prisma.programme.findUniqueOrThrow({
      where: { slug: "pakistan-day" },
      select: { kind: true, country: true, date: true, timeline: { select: { position: true, dateLabel: true }, orderBy: { position: "asc" } } },
    });

    expect(pakistanDay.kind).toBe("NATIONAL_DAY");
    expect(pakistanDay.country).toBe("Pakistan");
    expect(pakistanDay.date?.toISOString()).toBe("2017-08-14T00:00:00.000Z");
    expect(pakistanDay.timeline).toHaveLength(16);
    expect(pakistanDay.timeline[0]).toEqual({ position: 1, dateLabel: "24 February 1992" });
    expect(pakistanDay.timeline[15]).toEqual({ position: 16, dateLabel: "14 August 2017" });
  });

  it("stores the 19:00 Pakistan Day concert as 13:00 UTC in the Pakistan Day programme", async () => {
    const concert = await prisma.event.findUniqueOrThrow({
      where: { slug: "pakistan-day-evening-concert" },
      select: { startsAt: true, timeIsIllustrative: true, programme: { select: { slug: true } } },
    });

    expect(concert).toEqual({
      startsAt: new Date("2017-08-14T13:00:00.000Z"),
      timeIsIllustrative: true,
      programme: { slug: "pakistan-day" },
    });
  });

  it("keeps every event between 10 June and 10 September 2017 in Astana", async () => {
    const range = await prisma.event.aggregate({ _min: { startsAt: true }, _max: { endsAt: true } });

    expect(range._min.startsAt!.getTime()).toBeGreaterThanOrEqual(astanaDayRange("2017-06-10").start.getTime());
    expect(range._max.endsAt!.getTime()).toBeLessThanOrEqual(astanaDayRange("2017-09-10").end.getTime());
  });

  it("marks every generated event GENERATED with an illustrative time", async () => {
    expect(await prisma.event.count({ where: { source: "GENERATED" } })).toBe(generatedCount);
    expect(await prisma.event.count({ where: { source: "GENERATED", timeIsIllustrative: false } })).toBe(0);
  });

  it("gives every seeded event the uid <slug>@expo2017-schedule", async () => {
    const rows = await prisma.event.findMany({ where: { slug: { in: programme.events.map((e) => e.slug) } }, select: { slug: true, uid: true } });

    expect(rows.filter((row) => row.uid !== `${row.slug}@expo2017-schedule`)).toEqual([]);
  });

  it("finds Mahler's Eighth by searching 'mahler' or 'novosibirsk'", async () => {
    for (const term of ["mahler", "novosibirsk"]) {
      const found = await prisma.event.findMany({ where: { searchText: { contains: term } }, select: { slug: true } });
      expect(found).toEqual([{ slug: "mahler-symphony-no-8" }]);
    }
  });
});

describe("seedDatabase run again", () => {
  it("creates and updates nothing and leaves updatedAt and sequence alone", async () => {
    const snapshot = () =>
      Promise.all([
        prisma.event.findMany({ select: { slug: true, updatedAt: true, sequence: true }, orderBy: { slug: "asc" } }),
        prisma.venue.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
        prisma.programme.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
      ]);
    const before = await snapshot();

    const result = await seedDatabase(prisma);

    expect(result).toEqual({
      venues: file.venues.length,
      events: programme.events.length,
      created: 0,
      updated: 0,
      unchanged: programme.events.length,
    });
    expect(await snapshot()).toEqual(before);
  });
});

// Changes run on a database of their own, so the shared seeded one never sees them.
describe("seedProgramme on changed data", () => {
  const articleOnly: ProgrammeData = { ...file };
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let client: PrismaClient;

  beforeEach(async () => {
    scratch = await createScratchDatabase();
    await applyMigrations(scratch.url);
    client = createPrismaClient(scratch.url);
    await seedProgramme(client, articleOnly);
  });

  afterEach(async () => {
    await client.$disconnect();
    await scratch.drop();
  });

  function changed(slug: string, changes: Partial<EventInput>): ProgrammeData {
    return { ...articleOnly, events: articleOnly.events.map((event) => (event.slug === slug ? { ...event, ...changes } : event)) };
  }

  const stored = (slug: string) =>
    client.event.findUniqueOrThrow({
      where: { slug },
      select: { uid: true, sequence: true, updatedAt: true, startsAt: true, status: true, description: true },
    });

  it("creates every event once with sequence 0", async () => {
    const rows = await client.event.findMany({ select: { slug: true, sequence: true } });

    expect(rows).toHaveLength(file.events.length);
    expect(rows.filter((row) => row.sequence !== 0)).toEqual([]);
  });

  it("raises the sequence of an event whose start moved, keeping its uid", async () => {
    const before = await stored("aida-open-air");
    const neighbour = await stored("la-scala-in-astana");

    const result = await seedProgramme(client, changed("aida-open-air", { start: "20:30" }));

    const after = await stored("aida-open-air");
    expect(result).toEqual({ venues: file.venues.length, events: file.events.length, created: 0, updated: 1, unchanged: file.events.length - 1 });
    expect(after.startsAt).toEqual(zonedTimeToUtc("2017-07-15", "20:30"));
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.uid).toBe("aida-open-air@expo2017-schedule");
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(await stored("la-scala-in-astana")).toEqual(neighbour);
  });

  it("raises the sequence when the status changes", async () => {
    const before = await stored("aida-open-air");

    await seedProgramme(client, changed("aida-open-air", { status: "CANCELLED" }));

    const after = await stored("aida-open-air");
    expect(after.status).toBe("CANCELLED");
    expect(after.sequence).toBe(before.sequence + 1);
  });

  it("updates a description without raising the sequence", async () => {
    const before = await stored("mahler-symphony-no-8");

    const result = await seedProgramme(client, changed("mahler-symphony-no-8", { description: "The Symphony of a Thousand." }));

    const after = await client.event.findUniqueOrThrow({
      where: { slug: "mahler-symphony-no-8" },
      select: { description: true, performers: true, searchText: true, sequence: true },
    });
    expect(result.updated).toBe(1);
    expect(after).toEqual({
      description: "The Symphony of a Thousand.",
      performers: ["Symphonic orchestra of 800 musicians from Novosibirsk", "Mikhailovsky Opera", "Local Astana companies"],
      searchText:
        "mahler symphony no 8 the symphony of a thousand symphonic orchestra of 800 musicians from novosibirsk " +
        "mikhailovsky opera local astana companies kazakhstan central concert hall",
      sequence: before.sequence,
    });
  });

  it("updates changed venues, categories, programmes and timelines, adds new ones and drops removed timeline entries", async () => {
    const pakistan = articleOnly.programmes.find((programme) => programme.slug === "pakistan-day")!;
    const edited: ProgrammeData = {
      ...articleOnly,
      venues: [
        ...articleOnly.venues.map((venue) => (venue.slug === "astana-opera" ? { ...venue, name: "Astana Opera House" } : venue)),
        { ...articleOnly.venues.find((venue) => venue.slug === "astana-opera")!, slug: "test-new-hall", name: "New hall" },
      ],
      categories: articleOnly.categories.map((category) => (category.slug === "opera" ? { ...category, name: "Opera and operetta" } : category)),
      programmes: articleOnly.programmes.map((programme) =>
        programme === pakistan
          ? {
              ...programme,
              summary: "Edited summary.",
              timeline: programme.timeline.slice(0, -1).map((entry, i) => (i === 0 ? { ...entry, text: "Edited first entry." } : entry)),
            }
          : programme,
      ),
    };

    await seedProgramme(client, edited);

    const [opera, newHall, operaCategory, programme] = await Promise.all([
      client.venue.findUniqueOrThrow({ where: { slug: "astana-opera" }, select: { name: true } }),
      client.venue.findUnique({ where: { slug: "test-new-hall" }, select: { name: true } }),
      client.category.findUniqueOrThrow({ where: { slug: "opera" }, select: { name: true, parent: { select: { slug: true } } } }),
      client.programme.findUniqueOrThrow({
        where: { slug: "pakistan-day" },
        select: { summary: true, timeline: { select: { position: true, text: true }, orderBy: { position: "asc" } } },
      }),
    ]);
    expect([opera.name, newHall?.name, operaCategory]).toEqual([
      "Astana Opera House",
      "New hall",
      { name: "Opera and operetta", parent: { slug: "culture" } },
    ]);
    expect(programme.summary).toBe("Edited summary.");
    expect(programme.timeline).toHaveLength(pakistan.timeline.length - 1);
    expect(programme.timeline[0]).toEqual({ position: pakistan.timeline[0].position, text: "Edited first entry." });
  });

  it("rejects bad data before writing anything", async () => {
    const bad = changed("aida-open-air", { venue: "nowhere", start: "20:30" });

    await expect(seedProgramme(client, bad)).rejects.toThrow(ProgrammeDataError);
    expect((await stored("aida-open-air")).startsAt).toEqual(zonedTimeToUtc("2017-07-15", "21:00"));
  });
});
