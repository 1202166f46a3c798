import { describeLeg, formatDistance, planDayRoute, type RouteStop } from "@/lib/map/route";
import type { PlannedVenue } from "@/lib/itinerary/schedule-checks";

const NUR_ALEM: PlannedVenue = { slug: "nur-alem", name: "Nur Alem", latitude: 51.0893, longitude: 71.416 };
const PAKISTAN: PlannedVenue = { slug: "pavilion-pakistan", name: "Pavilion of Pakistan", latitude: 51.0893, longitude: 71.4179 };
const OPERA: PlannedVenue = { slug: "astana-opera", name: "Astana Opera", latitude: 51.1357, longitude: 71.4107 };

function stop(slug: string, start: string, end: string, venue: PlannedVenue, cancelled = false): RouteStop {
  return { slug, title: `Title ${slug}`, startsAt: new Date(`2017-08-14T${start}+06:00`), endsAt: new Date(`2017-08-14T${end}+06:00`), cancelled, venue };
}

describe("planDayRoute", () => {
  test("stops are ordered by start time, whatever order they were saved in", () => {
    const route = planDayRoute([stop("c", "19:00", "21:00", OPERA), stop("a", "10:00", "11:00", NUR_ALEM), stop("b", "12:00", "13:00", PAKISTAN)]);
    expect(route.stops.map((s) => s.slug)).toEqual(["a", "b", "c"]);
    expect(route.legs.map((leg) => [leg.from.slug, leg.to.slug])).toEqual([
      ["a", "b"],
      ["b", "c"],
    ]);
  });

  test("equal starts are ordered by end, then slug", () => {
    const route = planDayRoute([stop("z", "10:00", "11:00", NUR_ALEM), stop("y", "10:00", "12:00", PAKISTAN), stop("x", "10:00", "11:00", OPERA)]);
    expect(route.stops.map((s) => s.slug)).toEqual(["x", "z", "y"]);
  });

  test("each leg carries the distance, the walking time with the buffer and whether it fits the gap", () => {
    const route = planDayRoute([stop("a", "10:00", "11:00", NUR_ALEM), stop("b", "11:10", "12:00", PAKISTAN), stop("c", "12:30", "14:00", OPERA)]);
    // Nur Alem to Pakistan's pavilion: 133 m, 2 min on foot plus 5 min buffer, in a 10-minute gap.
    expect(route.legs.map((leg) => [leg.distanceMeters, leg.walkMinutes, leg.gapMinutes, leg.tight])).toEqual([
      [133, 7, 10, false],
      [5184, 75, 30, true],
    ]);
    expect(route.totalWalkMinutes).toEqual(82);
    expect(route.totalDistanceMeters).toEqual(5317);
    expect(route.legs.map(describeLeg)).toEqual([
      "Walk 7 min (130 m) from Nur Alem to Pavilion of Pakistan",
      "Walk 75 min (5.2 km) from Pavilion of Pakistan to Astana Opera — only 30 min between the events",
    ]);
  });

  test("two events in a row at one venue make a leg of no walk", () => {
    const route = planDayRoute([stop("a", "10:00", "11:00", NUR_ALEM), stop("b", "11:00", "12:00", NUR_ALEM)]);
    expect(route.legs.map((leg) => [leg.distanceMeters, leg.walkMinutes, leg.tight, describeLeg(leg)])).toEqual([[0, 0, false, "Stay at Nur Alem"]]);
  });

  test("overlapping events give a negative gap and a tight leg", () => {
    const route = planDayRoute([stop("a", "10:00", "12:00", NUR_ALEM), stop("b", "11:00", "13:00", PAKISTAN)]);
    expect(route.legs.map((leg) => [leg.gapMinutes, leg.tight])).toEqual([[-60, true]]);
    expect(describeLeg(route.legs[0])).toEqual("Walk 7 min (130 m) from Nur Alem to Pavilion of Pakistan — the events overlap");
  });

  test("cancelled events are not stops", () => {
    const route = planDayRoute([stop("a", "10:00", "11:00", NUR_ALEM), stop("gone", "12:00", "13:00", OPERA, true), stop("b", "14:00", "15:00", PAKISTAN)]);
    expect(route.stops.map((s) => s.slug)).toEqual(["a", "b"]);
    expect(route.legs).toHaveLength(1);
  });

  test("no stops or one stop make no legs", () => {
    expect(planDayRoute([]).legs).toEqual([]);
    expect(planDayRoute([stop("a", "10:00", "11:00", NUR_ALEM)]).legs).toEqual([]);
  });
});

describe("formatDistance", () => {
  test("metres below a kilometre, rounded to 10 m; kilometres with one decimal above", () => {
    expect([formatDistance(133), formatDistance(999), formatDistance(5194)]).toEqual(["130 m", "1000 m", "5.2 km"]);
  });
});
