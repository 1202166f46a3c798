import { layoutTimetable, SLOT_MINUTES, type TimetableEvent, type TimetableVenue } from "@/lib/timetable/layout";

// Astana was UTC+6 in 2017: 19:00 Astana is 13:00Z.
const TENT_2: TimetableVenue = { slug: "tent-02", name: "Tent 2", kind: "TENT", latitude: 51.0918, longitude: 71.4128 };
const TENT_10: TimetableVenue = { slug: "tent-10", name: "Tent 10", kind: "TENT", latitude: 51.0925, longitude: 71.4212 };
const NUR_ALEM: TimetableVenue = { slug: "nur-alem", name: "Nur Alem", kind: "PAVILION", latitude: 51.0893, longitude: 71.416 };
const OPERA: TimetableVenue = { slug: "astana-opera", name: "Astana Opera", kind: "THEATRE", latitude: 51.1357, longitude: 71.4107 };

function event(slug: string, startLocal: string, endLocal: string, venue: TimetableVenue = TENT_2): TimetableEvent {
  return { slug, title: `Title ${slug}`, startsAt: new Date(`${startLocal}+06:00`), endsAt: new Date(`${endLocal}+06:00`), cancelled: false, venue };
}

const DATE = "2017-08-14";
const rowOfClock = (layout: { startMinute: number }, hh: number, mm = 0) => (hh * 60 + mm - layout.startMinute) / SLOT_MINUTES + 1;

describe("layoutTimetable", () => {
  test("columns are grouped by kind in the issue's order, venues numbered naturally (Tent 2 before Tent 10)", () => {
    const layout = layoutTimetable(
      [event("o", `${DATE}T19:00`, `${DATE}T21:00`, OPERA), event("t10", `${DATE}T10:00`, `${DATE}T11:00`, TENT_10), event("t2", `${DATE}T10:00`, `${DATE}T11:00`), event("n", `${DATE}T12:00`, `${DATE}T13:00`, NUR_ALEM)],
      { date: DATE },
    );
    expect(layout.columns.map((column) => column.venue.slug)).toEqual(["nur-alem", "tent-02", "tent-10", "astana-opera"]);
    expect(layout.groups).toEqual([
      { kind: "PAVILION", label: "Pavilions", firstColumn: 1, columnCount: 1 },
      { kind: "TENT", label: "Tents", firstColumn: 2, columnCount: 2 },
      { kind: "THEATRE", label: "Theatres", firstColumn: 4, columnCount: 1 },
    ]);
  });

  test("a block spans rows in proportion to its duration, in Astana time", () => {
    const layout = layoutTimetable([event("a", `${DATE}T19:00`, `${DATE}T20:30`)], { date: DATE });
    expect(layout.startMinute).toEqual(9 * 60);
    expect(layout.endMinute).toEqual(23 * 60);
    const [block] = layout.blocks;
    expect([block.rowStart, block.rowEnd]).toEqual([rowOfClock(layout, 19), rowOfClock(layout, 20, 30)]);
    expect(block.label).toEqual("Title a, Monday 14 August 2017, 19:00 to 20:30 Astana time, Tent 2");
  });

  test("overlapping events in one venue are laid side by side; a later event alone gets the full width", () => {
    const layout = layoutTimetable(
      [
        event("a", `${DATE}T10:00`, `${DATE}T12:00`),
        event("b", `${DATE}T11:00`, `${DATE}T13:00`),
        event("c", `${DATE}T12:00`, `${DATE}T12:30`),
        event("d", `${DATE}T15:00`, `${DATE}T16:00`),
      ],
      { date: DATE },
    );
    const lanes = Object.fromEntries(layout.blocks.map((block) => [block.slug, [block.lane, block.lanes]]));
    // c starts when a ends, so it reuses a's lane; a, b and c form one cluster of two lanes.
    expect(lanes).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
  });

  test("events at different venues at the same time do not share lanes", () => {
    const layout = layoutTimetable([event("a", `${DATE}T10:00`, `${DATE}T12:00`), event("b", `${DATE}T10:00`, `${DATE}T12:00`, TENT_10)], { date: DATE });
    expect(layout.blocks.map((block) => [block.slug, block.column, block.lane, block.lanes])).toEqual([
      ["a", 1, 0, 1],
      ["b", 2, 0, 1],
    ]);
  });

  test("an event crossing midnight widens the window to 24:00 and is clipped there, marked as going on", () => {
    const layout = layoutTimetable([event("late", `${DATE}T22:30`, "2017-08-15T01:30")], { date: DATE });
    expect(layout.endMinute).toEqual(24 * 60);
    const [block] = layout.blocks;
    expect([block.rowStart, block.rowEnd, block.clippedStart, block.clippedEnd]).toEqual([rowOfClock(layout, 22, 30), layout.slotCount + 1, false, true]);
    expect(block.timeText).toEqual("22:30–01:30 (+1 day)");
    expect(block.label).toEqual("Title late, Monday 14 August 2017, 22:30 to 01:30 (Tue 15 Aug) Astana time, Tent 2");
  });

  test("an event from the previous evening shows on the next day from 00:00, marked as begun earlier", () => {
    const layout = layoutTimetable([event("late", "2017-08-13T23:00", `${DATE}T01:00`)], { date: DATE });
    expect(layout.startMinute).toEqual(0);
    const [block] = layout.blocks;
    expect([block.rowStart, block.rowEnd, block.clippedStart, block.clippedEnd]).toEqual([1, rowOfClock(layout, 1), true, false]);
  });

  test("an event longer than the visible window is clipped at both ends and does not stretch the window", () => {
    const layout = layoutTimetable([event("long", "2017-08-13T10:00", "2017-08-15T10:00"), event("short", `${DATE}T12:00`, `${DATE}T13:00`, TENT_10)], { date: DATE });
    expect([layout.startMinute, layout.endMinute]).toEqual([9 * 60, 23 * 60]);
    const long = layout.blocks.find((block) => block.slug === "long")!;
    expect([long.rowStart, long.rowEnd, long.clippedStart, long.clippedEnd]).toEqual([1, layout.slotCount + 1, true, true]);
  });

  test("events of other days and of hidden venues are left out", () => {
    const layout = layoutTimetable(
      [event("yesterday", "2017-08-13T10:00", "2017-08-13T11:00"), event("hidden", `${DATE}T10:00`, `${DATE}T11:00`, TENT_10), event("shown", `${DATE}T10:00`, `${DATE}T11:00`)],
      { date: DATE, hidden: new Set(["tent-10"]) },
    );
    expect(layout.blocks.map((block) => block.slug)).toEqual(["shown"]);
    expect(layout.columns.map((column) => column.venue.slug)).toEqual(["tent-02"]);
  });

  test("saved events are marked and a walk between two venues ends as the next saved event starts", () => {
    const layout = layoutTimetable(
      [event("first", `${DATE}T10:00`, `${DATE}T11:00`), event("second", `${DATE}T11:30`, `${DATE}T12:30`, OPERA), event("other", `${DATE}T10:00`, `${DATE}T11:00`, TENT_10)],
      { date: DATE, saved: new Set(["first", "second"]) },
    );
    expect(layout.blocks.filter((block) => block.saved).map((block) => block.slug)).toEqual(["first", "second"]);
    // Tent 2 to Astana Opera is about 4.9 km: 66 minutes at 4.5 km/h plus the 5-minute buffer; the
    // walk starts at 10:19, drawn from the nearest slot (10:20).
    expect(layout.walks).toEqual([
      {
        column: 3,
        rowStart: rowOfClock(layout, 10, 20),
        rowEnd: rowOfClock(layout, 11, 30),
        minutes: 71,
        tight: true,
        text: "Walk 71 min from Tent 2 (30 min free)",
      },
    ]);
  });

  test("the now line is drawn only when ?at= falls inside the window", () => {
    const events = [event("a", `${DATE}T10:00`, `${DATE}T11:00`)];
    const inside = layoutTimetable(events, { date: DATE, at: new Date(`${DATE}T19:07+06:00`) });
    expect([inside.nowRow, inside.nowText]).toEqual([rowOfClock(inside, 19, 5), "Now: 19:07"]);
    const otherDay = layoutTimetable(events, { date: DATE, at: new Date("2017-08-15T19:00+06:00") });
    expect([otherDay.nowRow, otherDay.nowText]).toEqual([null, null]);
  });
});
