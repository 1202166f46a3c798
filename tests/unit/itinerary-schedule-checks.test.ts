import {
  byStartThenEnd,
  checkSchedule,
  haversineKm,
  walkingMinutes,
  WALK_BUFFER_MINUTES,
  type PlannedEvent,
  type PlannedVenue,
} from "@/lib/itinerary/schedule-checks";

const NUR_ALEM: PlannedVenue = { slug: "nur-alem", name: "Nur Alem", latitude: 51.0893, longitude: 71.416 };
const PAKISTAN: PlannedVenue = { slug: "pavilion-pakistan", name: "Pavilion of Pakistan", latitude: 51.0893, longitude: 71.4179 };
const OPERA: PlannedVenue = { slug: "astana-opera", name: "Astana Opera", latitude: 51.1357, longitude: 71.4107 };

function event(slug: string, start: string, end: string, venue: PlannedVenue = NUR_ALEM, cancelled = false): PlannedEvent {
  return { slug, title: `Title ${slug}`, startsAt: new Date(start), endsAt: new Date(end), venue, cancelled };
}

function conflictSlugs(events: PlannedEvent[]): Record<string, string[]> {
  const checks = checkSchedule(events);
  return Object.fromEntries([...checks].map(([slug, check]) => [slug, check.conflictsWith.map((other) => other.slug)]));
}

describe("checkSchedule conflicts", () => {
  test("events that touch (one ends when the next starts) do not conflict", () => {
    expect(conflictSlugs([event("a", "2017-08-14T12:00Z", "2017-08-14T13:00Z"), event("b", "2017-08-14T13:00Z", "2017-08-14T14:00Z")])).toEqual({
      a: [],
      b: [],
    });
  });

  test("a nested event conflicts with the event around it, both ways", () => {
    expect(conflictSlugs([event("outer", "2017-08-14T10:00Z", "2017-08-14T16:00Z"), event("inner", "2017-08-14T11:00Z", "2017-08-14T12:00Z")])).toEqual({
      outer: ["inner"],
      inner: ["outer"],
    });
  });

  test("identical times conflict", () => {
    expect(conflictSlugs([event("a", "2017-08-14T13:00Z", "2017-08-14T15:00Z"), event("b", "2017-08-14T13:00Z", "2017-08-14T15:00Z")])).toEqual({
      a: ["b"],
      b: ["a"],
    });
  });

  test("an event running past midnight conflicts with one early next day", () => {
    // 23:00–01:00 and 00:30–01:30 Astana time (UTC+6), on two calendar days.
    expect(
      conflictSlugs([event("late", "2017-08-14T17:00Z", "2017-08-14T19:00Z"), event("early", "2017-08-14T18:30Z", "2017-08-14T19:30Z")]),
    ).toEqual({ late: ["early"], early: ["late"] });
  });

  test("one event overlapping two others names both, and the two others do not conflict", () => {
    expect(
      conflictSlugs([
        event("long", "2017-08-14T10:00Z", "2017-08-14T14:00Z"),
        event("first", "2017-08-14T10:30Z", "2017-08-14T11:30Z"),
        event("second", "2017-08-14T12:00Z", "2017-08-14T13:00Z"),
      ]),
    ).toEqual({ long: ["first", "second"], first: ["long"], second: ["long"] });
  });

  test("a cancelled event conflicts with nothing", () => {
    expect(
      conflictSlugs([event("a", "2017-08-14T12:00Z", "2017-08-14T14:00Z"), event("gone", "2017-08-14T12:00Z", "2017-08-14T14:00Z", NUR_ALEM, true)]),
    ).toEqual({ a: [], gone: [] });
  });
});

describe("walking time", () => {
  test("haversine distance from Nur Alem to the Astana Opera is about 5.2 km", () => {
    expect(Math.round(haversineKm(NUR_ALEM, OPERA) * 10) / 10).toEqual(5.2);
  });

  test("walking minutes are distance at 4.5 km/h plus the buffer, and zero within one venue", () => {
    expect(walkingMinutes(NUR_ALEM, OPERA)).toEqual(Math.ceil((haversineKm(NUR_ALEM, OPERA) / 4.5) * 60) + WALK_BUFFER_MINUTES);
    expect(walkingMinutes(NUR_ALEM, OPERA)).toEqual(74);
    expect(walkingMinutes(NUR_ALEM, NUR_ALEM)).toEqual(0);
  });

  test("consecutive events at distant venues with a short gap get a warning on the later one", () => {
    const checks = checkSchedule([
      event("pavilion", "2017-08-14T10:00Z", "2017-08-14T11:00Z", NUR_ALEM),
      event("opera", "2017-08-14T11:30Z", "2017-08-14T13:00Z", OPERA),
    ]);
    expect(checks.get("pavilion")!.walkWarning).toEqual(null);
    expect(checks.get("opera")!.walkWarning).toEqual({
      fromSlug: "pavilion",
      fromTitle: "Title pavilion",
      fromVenue: "Nur Alem",
      toVenue: "Astana Opera",
      distanceMeters: 5173,
      gapMinutes: 30,
      walkMinutes: 74,
    });
  });

  test("a gap as long as the walk gets no warning", () => {
    const checks = checkSchedule([
      event("pavilion", "2017-08-14T10:00Z", "2017-08-14T11:00Z", NUR_ALEM),
      event("opera", "2017-08-14T12:15Z", "2017-08-14T13:00Z", OPERA),
    ]);
    expect(checks.get("opera")!.walkWarning).toEqual(null);
  });

  test("touching events at neighbouring pavilions warn, since even the buffer does not fit", () => {
    const checks = checkSchedule([
      event("a", "2017-08-14T10:00Z", "2017-08-14T11:00Z", NUR_ALEM),
      event("b", "2017-08-14T11:00Z", "2017-08-14T12:00Z", PAKISTAN),
    ]);
    expect(checks.get("b")!.walkWarning).toEqual({
      fromSlug: "a",
      fromTitle: "Title a",
      fromVenue: "Nur Alem",
      toVenue: "Pavilion of Pakistan",
      distanceMeters: 133,
      gapMinutes: 0,
      walkMinutes: 7,
    });
  });

  test("back-to-back events at the same venue get no warning", () => {
    const checks = checkSchedule([
      event("a", "2017-08-14T10:00Z", "2017-08-14T11:00Z", OPERA),
      event("b", "2017-08-14T11:00Z", "2017-08-14T12:00Z", OPERA),
    ]);
    expect([checks.get("a")!.walkWarning, checks.get("b")!.walkWarning]).toEqual([null, null]);
  });

  test("the walk is measured from the event that ends last before the next starts, across midnight", () => {
    const checks = checkSchedule([
      event("long", "2017-08-14T15:00Z", "2017-08-14T18:50Z", NUR_ALEM), // 21:00–00:50 Astana
      event("short", "2017-08-14T15:30Z", "2017-08-14T16:00Z", OPERA), // nested, ends early
      event("after-midnight", "2017-08-14T19:00Z", "2017-08-14T20:00Z", OPERA), // 01:00 next day
    ]);
    expect(checks.get("after-midnight")!.walkWarning).toEqual({
      fromSlug: "long",
      fromTitle: "Title long",
      fromVenue: "Nur Alem",
      toVenue: "Astana Opera",
      distanceMeters: 5173,
      gapMinutes: 10,
      walkMinutes: 74,
    });
  });

  test("overlapping events get a conflict, not a walking warning", () => {
    const checks = checkSchedule([
      event("a", "2017-08-14T10:00Z", "2017-08-14T12:00Z", NUR_ALEM),
      event("b", "2017-08-14T11:00Z", "2017-08-14T13:00Z", OPERA),
    ]);
    expect(checks.get("b")!.walkWarning).toEqual(null);
    expect(checks.get("b")!.conflictsWith).toEqual([{ slug: "a", title: "Title a" }]);
  });

  test("a cancelled event is not a place the visitor walks from", () => {
    const checks = checkSchedule([
      event("gone", "2017-08-14T10:00Z", "2017-08-14T11:00Z", NUR_ALEM, true),
      event("opera", "2017-08-14T11:05Z", "2017-08-14T12:00Z", OPERA),
    ]);
    expect(checks.get("opera")!.walkWarning).toEqual(null);
  });
});

describe("byStartThenEnd", () => {
  test("orders by start, then end, then slug, and slugs as localeCompare does", () => {
    const slugs = ["a-b", "ab", "a1", "a", "b-2", "b-10", "b10", "z", "0-a", "9"];
    const same = slugs.map((slug) => event(slug, "2017-08-14T12:00Z", "2017-08-14T13:00Z"));
    expect([...same].sort(byStartThenEnd).map((e) => e.slug)).toEqual([...slugs].sort((a, b) => a.localeCompare(b)));
    const mixed = [event("c", "2017-08-14T12:00Z", "2017-08-14T14:00Z"), event("b", "2017-08-14T12:00Z", "2017-08-14T13:00Z"), event("a", "2017-08-14T13:00Z", "2017-08-14T13:30Z")];
    expect(mixed.sort(byStartThenEnd).map((e) => e.slug)).toEqual(["b", "c", "a"]);
  });
});
