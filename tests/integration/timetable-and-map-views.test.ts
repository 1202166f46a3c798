import { prisma } from "@/lib/db";
import { getMapView, parseMapParams } from "@/lib/map/map-view";
import { getTimetableView } from "@/lib/timetable/timetable-view";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser } from "../helpers/session";
import { createTestEvents } from "../helpers/test-events";

const NONE = new Set<string>();

afterEach(async () => {
  await resetUserData();
  await resetTestEvents();
});

async function save(userId: string, slugs: string[]): Promise<void> {
  const events = await prisma.event.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  await prisma.savedEvent.createMany({ data: events.map((event) => ({ userId, eventId: event.id })) });
}

describe("getTimetableView", () => {
  test("Pakistan Day's grid holds the day's events, with the Pakistan pavilion among the pavilions", async () => {
    const view = await getTimetableView({ date: "2017-08-14" }, { userId: null, hidden: NONE });
    expect(view.problems).toEqual([]);
    const expected = await prisma.event.count({ where: { startsAt: { gte: new Date("2017-08-13T18:00Z"), lt: new Date("2017-08-14T18:00Z") } } });
    expect(view.eventCount).toEqual(expected);
    const pavilions = view.layout!.groups.find((group) => group.kind === "PAVILION")!;
    const slugs = view.layout!.columns.map((column) => column.venue.slug);
    expect(slugs.slice(pavilions.firstColumn - 1, pavilions.firstColumn - 1 + pavilions.columnCount)).toContain("pavilion-pakistan");
  });

  test("the schedule's filters apply: a venue filter leaves one column", async () => {
    const view = await getTimetableView({ date: "2017-08-14", venue: "pavilion-pakistan" }, { userId: null, hidden: NONE });
    expect(view.layout!.columns.map((column) => column.venue.slug)).toEqual(["pavilion-pakistan"]);
  });

  test("bad parameters are named, not thrown", async () => {
    const view = await getTimetableView({ date: "2017-13-01", venue: "no-such-venue", at: "tomorrow" }, { userId: null, hidden: NONE });
    expect(view.layout).toBeNull();
    expect(view.problems.map((problem) => problem.parameter).sort()).toEqual(["at", "date"]);
    const unknown = await getTimetableView({ date: "2017-08-14", venue: "no-such-venue" }, { userId: null, hidden: NONE });
    expect(unknown.problems).toEqual([{ parameter: "venue", message: 'unknown venue "no-such-venue"' }]);
  });

  test("an event from the evening before shows, and the visitor's saves are marked with the walk between them", async () => {
    await createTestEvents([
      { slug: "test-late", start: "2017-07-01T17:00:00Z", end: "2017-07-01T19:30:00Z", venue: "tent-01" }, // 23:00–01:30 Astana
      { slug: "test-morning", start: "2017-07-02T04:00:00Z", end: "2017-07-02T05:00:00Z", venue: "nur-alem" },
      { slug: "test-opera", start: "2017-07-02T13:00:00Z", end: "2017-07-02T15:00:00Z", venue: "astana-opera" },
    ]);
    const user = await createTestUser();
    await save(user.id, ["test-morning", "test-opera"]);
    const view = await getTimetableView({ date: "2017-07-02" }, { userId: user.id, hidden: NONE });
    const blocks = Object.fromEntries(view.layout!.blocks.filter((block) => block.slug.startsWith("test-")).map((block) => [block.slug, block]));
    expect(Object.keys(blocks).sort()).toEqual(["test-late", "test-morning", "test-opera"]);
    expect([blocks["test-late"].clippedStart, blocks["test-late"].rowStart]).toEqual([true, 1]);
    expect([blocks["test-morning"].saved, blocks["test-opera"].saved, blocks["test-late"].saved]).toEqual([true, true, false]);
    expect(view.savedCount).toEqual(2);
    expect(view.layout!.walks.map((walk) => walk.text)).toEqual(["Walk 74 min from Nur Alem (Kazakhstan pavilion)"]);
  });

  test("hidden venues lose their column but stay in the choices", async () => {
    const view = await getTimetableView({ date: "2017-08-14" }, { userId: null, hidden: new Set(["pavilion-pakistan"]) });
    expect(view.layout!.columns.some((column) => column.venue.slug === "pavilion-pakistan")).toBe(false);
    expect(view.venues.find((venue) => venue.slug === "pavilion-pakistan")).toEqual({ slug: "pavilion-pakistan", name: "Pavilion of Pakistan", hidden: true });
  });
});

describe("getMapView", () => {
  test("every venue is a pin, on the grounds or in the city inset, and ?venue= picks one", async () => {
    const params = parseMapParams({ venue: "astana-opera" });
    expect(params.ok).toBe(true);
    const view = await getMapView(params.ok ? params.value : {}, null);
    const venueCount = await prisma.venue.count();
    expect(view.plan.grounds.pins.length + view.plan.city.pins.length).toEqual(venueCount);
    expect(view.plan.city.pins.map((pin) => pin.venue.slug)).toEqual(
      expect.arrayContaining(["astana-opera", "barys-arena", "national-museum", "kazanat-hippodrome"]),
    );
    expect(view.highlighted?.slug).toEqual("astana-opera");
    expect(view.route).toBeNull();
  });

  test("the route is the visitor's own saves of that day, in time order, with walking times", async () => {
    await createTestEvents([
      { slug: "test-b-opera", start: "2017-07-02T13:00:00Z", end: "2017-07-02T15:00:00Z", venue: "astana-opera" },
      { slug: "test-a-morning", start: "2017-07-02T04:00:00Z", end: "2017-07-02T05:00:00Z", venue: "nur-alem" },
      { slug: "test-c-next-day", start: "2017-07-03T04:00:00Z", end: "2017-07-03T05:00:00Z", venue: "tent-01" },
    ]);
    const [owner, other] = [await createTestUser(), await createTestUser()];
    await save(owner.id, ["test-b-opera", "test-a-morning", "test-c-next-day"]);
    await save(other.id, ["test-a-morning"]);
    const view = await getMapView({ date: "2017-07-02", route: "itinerary" }, owner.id);
    expect(view.route!.stops.map((stop) => stop.slug)).toEqual(["test-a-morning", "test-b-opera"]);
    expect(view.route!.legs.map((leg) => [leg.walkMinutes, leg.tight])).toEqual([[74, false]]);
    const others = await getMapView({ date: "2017-07-02", route: "itinerary" }, other.id);
    expect(others.route!.stops.map((stop) => stop.slug)).toEqual(["test-a-morning"]);
  });

  test("bad map parameters are named; an unknown venue is a problem, not an error", async () => {
    const bad = parseMapParams({ date: "2017-01-01", route: "walk" });
    expect(bad.ok ? [] : bad.details.map((problem) => problem.parameter).sort()).toEqual(["date", "route"]);
    const unknown = await getMapView({ venue: "no-such-venue" }, null);
    expect(unknown.problems).toEqual([{ parameter: "venue", message: 'unknown venue "no-such-venue"' }]);
  });
});
