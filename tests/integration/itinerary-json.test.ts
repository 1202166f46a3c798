// GET /api/itinerary's body is written from pieces kept per event (lib/itinerary/itinerary-json.ts):
// it must be, byte for byte, what JSON.stringify gave of buildItinerary's entries, for every kind of
// itinerary: empty, conflicts, walking warnings, cancelled events, notes JSON has to escape, and
// the seeded programme's own events.
import { buildItinerary } from "@/lib/itinerary/get-itinerary";
import { itineraryEventsById, type EventFacts, type ItineraryEvent } from "@/lib/itinerary/itinerary-events";
import { itineraryJson } from "@/lib/itinerary/itinerary-json";
import type { SavedEventRow, VisitorSave } from "@/lib/itinerary/itinerary-rows";

/** What the answer's body was before: JSON.stringify of the itinerary built from whole rows. */
function stringified(saves: VisitorSave[]): string {
  const rows: SavedEventRow[] = saves.map(({ event, note, savedAt }) => ({ note, savedAt, ...event.facts }));
  const itinerary = buildItinerary(rows);
  return JSON.stringify({ items: itinerary.entries, count: itinerary.entries.length, conflictCount: itinerary.conflictCount });
}

const hall = { slug: "hall", name: "Concert Hall «Astana»", latitude: 51.0885, longitude: 71.4158 };
const arena = { slug: "far-arena", name: 'Arena "North"', latitude: 51.1105, longitude: 71.4021 };

function event(order: number, facts: Partial<Omit<EventFacts, "startsAt" | "endsAt">> & { slug: string; startsAt: string; endsAt: string }): ItineraryEvent {
  return {
    order,
    facts: {
      title: `Title of ${facts.slug}`,
      status: "SCHEDULED",
      timeIsIllustrative: false,
      venue: hall,
      ...facts,
      startsAt: new Date(facts.startsAt),
      endsAt: new Date(facts.endsAt),
    },
  };
}

const concert = event(0, { slug: "concert", startsAt: "2017-08-14T12:00:00.000Z", endsAt: "2017-08-14T13:30:00.000Z" });
const overlapping = event(1, { slug: "overlapping", title: "Ballet \\ “Giselle”\n", startsAt: "2017-08-14T13:00:00.000Z", endsAt: "2017-08-14T14:00:00.000Z" });
const farAway = event(2, { slug: "far-away", venue: arena, startsAt: "2017-08-14T14:05:00.000Z", endsAt: "2017-08-14T15:00:00.000Z", timeIsIllustrative: true });
const cancelled = event(3, { slug: "cancelled", status: "CANCELLED", startsAt: "2017-08-14T13:10:00.000Z", endsAt: "2017-08-14T13:20:00.000Z" });
const overnight = event(4, { slug: "overnight", startsAt: "2017-08-14T17:30:00.000Z", endsAt: "2017-08-14T19:15:00.000Z" });

const save = (savedEvent: ItineraryEvent, note: string | null, savedAt = "2017-08-01T09:30:00.123Z"): VisitorSave => ({ event: savedEvent, note, savedAt });

test("an empty itinerary", () => {
  expect(itineraryJson([]).toString("utf8")).toEqual(stringified([]));
  expect(itineraryJson([]).toString("utf8")).toEqual('{"items":[],"count":0,"conflictCount":0}');
});

test("conflicts, a walking warning, a cancelled event, an overnight event and notes JSON must escape", () => {
  const saves = [
    save(concert, 'Row 3, "aisle" \\ seat'),
    save(overlapping, "Қазақстан 🎻 — </script>\u2028\u0007"),
    save(cancelled, null),
    save(farAway, "lone \ud800 surrogate"),
    save(overnight, ""),
  ];
  const body = itineraryJson(saves);
  expect(body.toString("utf8")).toEqual(stringified(saves));
  const parsed = JSON.parse(body.toString("utf8"));
  expect(parsed.conflictCount).toEqual(2);
  expect(parsed.items.map((item: { walkWarning: { fromSlug: string } | null }) => item.walkWarning?.fromSlug ?? null)).toEqual([null, null, null, "overlapping", null]);
  expect(parsed.items[4].astana).toEqual({ date: "2017-08-14", start: "23:30", end: "01:15", endDate: "2017-08-15" });
});

test("the same event in two visitors' answers, with their own notes, reuses its part and keeps theirs apart", () => {
  const first = [save(concert, "mine"), save(overlapping, null)];
  const second = [save(concert, "theirs", "2017-07-01T00:00:00.000Z")];
  expect(itineraryJson(first).toString("utf8")).toEqual(stringified(first));
  expect(itineraryJson(second).toString("utf8")).toEqual(stringified(second));
  expect(JSON.parse(itineraryJson(second).toString("utf8")).items[0]).toMatchObject({ note: "theirs", conflictsWith: [] });
});

test("itineraries of the seeded programme's events read the same as JSON.stringify wrote them", async () => {
  const events = [...(await itineraryEventsById()).values()].sort((a, b) => a.order - b.order);
  expect(events.length).toBeGreaterThan(3000);
  // A fixed pseudo-random walk over the programme: 40 itineraries of up to 30 events each.
  let seed = 20170610;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let round = 0; round < 40; round += 1) {
    const picked = new Set<ItineraryEvent>();
    const size = Math.floor(next() * 31);
    // Neighbours in time order as well as far apart ones, so conflicts and walks come up.
    const from = Math.floor(next() * (events.length - 40));
    while (picked.size < size) picked.add(next() < 0.7 ? events[from + Math.floor(next() * 40)] : events[Math.floor(next() * events.length)]);
    const saves = [...picked].sort((a, b) => a.order - b.order).map((picked, index) => save(picked, index % 3 === 0 ? null : `note ${index} «${round}»`));
    expect(itineraryJson(saves).toString("utf8")).toEqual(stringified(saves));
  }
});
