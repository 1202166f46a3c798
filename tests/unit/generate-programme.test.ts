import path from "node:path";
import { listExpoDays } from "../../lib/time/expo-dates";
import { generateProgramme } from "../../lib/seed/generate-programme";
import { readProgrammeFile } from "../../lib/seed/load-programme-data";
import { resolveProgramme } from "../../lib/seed/resolve-programme";

const file = readProgrammeFile(path.join(__dirname, "../../prisma/data/expo-2017.json"));
const generated = generateProgramme(file);
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

describe("generateProgramme", () => {
  it("returns deep-equal programmes on two runs", () => {
    expect(generateProgramme(file)).toEqual(generated);
  });

  it("brings the programme to at least 3,000 events with unique slugs", () => {
    const slugs = [...file.events, ...generated].map((event) => event.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(3000);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("builds slugs from venue, activity, date and start time", () => {
    for (const event of generated) {
      expect(event.slug.startsWith(`${event.venue}-`)).toBe(true);
      expect(event.slug.endsWith(`-${event.date}-${event.start.replace(":", "")}`)).toBe(true);
    }
  });

  it("marks every generated event GENERATED with an illustrative time", () => {
    expect(generated.filter((event) => event.source !== "GENERATED" || !event.timeIsIllustrative)).toEqual([]);
  });

  it("keeps generated events between 10:00 and 23:00 Astana and 30 to 150 minutes long", () => {
    for (const event of generated) {
      const start = minutesOf(event.start);
      const end = minutesOf(event.end);
      expect(start).toBeGreaterThanOrEqual(10 * 60);
      expect(end).toBeLessThanOrEqual(23 * 60);
      expect(end - start).toBeGreaterThanOrEqual(30);
      expect(end - start).toBeLessThanOrEqual(150);
    }
  });

  it("fills every expo day and uses all 20 tents and 13 sectors", () => {
    expect(new Set(generated.map((event) => event.date))).toEqual(new Set(listExpoDays()));
    const venues = new Set(generated.map((event) => event.venue));
    const tents = file.venues.filter((venue) => venue.kind === "TENT").map((venue) => venue.slug);
    const sectors = file.venues.filter((venue) => venue.kind === "SECTOR").map((venue) => venue.slug);
    expect(tents).toHaveLength(20);
    expect(sectors).toHaveLength(13);
    expect([...tents, ...sectors].filter((slug) => !venues.has(slug))).toEqual([]);
  });

  it("never books one venue for two events at once, article events included", () => {
    const byVenueDay = new Map<string, [number, number][]>();
    for (const event of [...file.events, ...generated]) {
      const key = `${event.venue} ${event.date}`;
      const start = minutesOf(event.start);
      const end = event.end > event.start ? minutesOf(event.end) : minutesOf(event.end) + 24 * 60;
      const others = byVenueDay.get(key) ?? [];
      expect(others.filter(([s, e]) => start < e && s < end)).toEqual([]);
      byVenueDay.set(key, [...others, [start, end]]);
    }
  });

  it("adds pavilion events to the Pakistan Day programme on 14 August", () => {
    const pakistanDay = generated.filter((event) => event.programme === "pakistan-day");
    expect(pakistanDay.length).toBeGreaterThanOrEqual(3);
    expect(pakistanDay.every((event) => event.date === "2017-08-14" && event.venue === "pavilion-pakistan")).toBe(true);
  });

  it("produces events that pass the programme checks", () => {
    const resolved = resolveProgramme({ ...file, events: [...file.events, ...generated] });
    expect(resolved).toHaveLength(file.events.length + generated.length);
  });
});
