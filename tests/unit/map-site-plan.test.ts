import { buildSitePlan, isOnGrounds, PLAN_WIDTH, shortLabel, type MapVenue } from "@/lib/map/site-plan";

const venue = (slug: string, name: string, latitude: number, longitude: number, kind: MapVenue["kind"] = "TENT"): MapVenue => ({ slug, name, kind, latitude, longitude });
const NUR_ALEM = venue("nur-alem", "Nur Alem (Kazakhstan pavilion)", 51.0893, 71.416, "PAVILION");
const TENT_1 = venue("tent-01", "Tent 1", 51.0918, 71.41);
const TENT_5 = venue("tent-05", "Tent 5", 51.0918, 71.4212);
const SECTOR_1 = venue("sector-01", "Sector 1", 51.0866, 71.409, "SECTOR");
const OPERA = venue("astana-opera", "Astana Opera", 51.1357, 71.4107, "THEATRE");
const HIPPODROME = venue("kazanat-hippodrome", "Kazanat hippodrome", 51.0951, 71.465, "HIPPODROME");

describe("buildSitePlan", () => {
  test("venues near Nur Alem are on the grounds; the opera and the hippodrome are in the city inset", () => {
    expect([NUR_ALEM, TENT_1, SECTOR_1, OPERA, HIPPODROME].map(isOnGrounds)).toEqual([true, true, true, false, false]);
    const plan = buildSitePlan([NUR_ALEM, TENT_1, TENT_5, SECTOR_1, OPERA, HIPPODROME]);
    expect(plan.grounds.pins.map((pin) => pin.venue.slug)).toEqual(["nur-alem", "tent-01", "tent-05", "sector-01"]);
    expect(plan.city.pins.map((pin) => [pin.venue.slug, pin.distanceMeters])).toEqual([
      ["astana-opera", 5173],
      ["kazanat-hippodrome", 3482],
    ]);
  });

  test("the plan keeps north up and west left, and fits its width", () => {
    const { grounds } = buildSitePlan([NUR_ALEM, TENT_1, TENT_5, SECTOR_1]);
    const at = Object.fromEntries(grounds.pins.map((pin) => [pin.venue.slug, pin]));
    expect(at["tent-01"].x).toBeLessThan(at["tent-05"].x); // Tent 1 is west of Tent 5
    expect(at["tent-01"].y).toBeLessThan(at["sector-01"].y); // the tents are north of the sectors
    expect(Math.min(...grounds.pins.map((pin) => pin.x))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...grounds.pins.map((pin) => pin.x))).toBeLessThanOrEqual(PLAN_WIDTH);
  });

  test("labels drop the pavilion prefix and the bracketed note", () => {
    expect([shortLabel("Pavilion of Japan"), shortLabel("Nur Alem (Kazakhstan pavilion)"), shortLabel("Tent 3")]).toEqual(["Japan", "Nur Alem", "Tent 3"]);
  });
});
