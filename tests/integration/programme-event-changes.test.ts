import { prisma } from "@/lib/db";
import { bumpsSequence, cancelEvent, changeEventSchedule, EventChangeError, moveEventToVenue, rescheduleEvent } from "@/lib/programme/event-changes";
import { resetTestEvents } from "../helpers/db";
import { createTestEvents } from "../helpers/test-events";

const SLUG = "test-programme-change";

async function createEvent(): Promise<number> {
  const ids = await createTestEvents([{ slug: SLUG, start: "2017-08-14T13:00:00Z", end: "2017-08-14T15:00:00Z" }]);
  return ids.get(SLUG)!;
}

afterEach(async () => {
  await resetTestEvents();
});

describe("bumpsSequence", () => {
  it("is true for a change of time, venue or status and false for text alone", () => {
    expect([bumpsSequence(["startsAt"]), bumpsSequence(["venueId"]), bumpsSequence(["status"]), bumpsSequence(["title", "description"])]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe("changeEventSchedule", () => {
  it("raises SEQUENCE once per real change and names the changed fields", async () => {
    const id = await createEvent();
    const moved = await rescheduleEvent(id, new Date("2017-08-14T14:00:00Z"), new Date("2017-08-14T16:00:00Z"));
    expect(moved).toEqual({ changed: ["startsAt", "endsAt"], sequence: 1 });
    const cancelled = await cancelEvent(id);
    expect(cancelled).toEqual({ changed: ["status"], sequence: 2 });
  });

  it("leaves SEQUENCE alone when nothing changes", async () => {
    const id = await createEvent();
    const result = await changeEventSchedule(id, { startsAt: new Date("2017-08-14T13:00:00Z"), status: "SCHEDULED" });
    expect(result).toEqual({ changed: [], sequence: 0 });
  });

  it("updates the search text with the new venue's name", async () => {
    const id = await createEvent();
    const venue = await prisma.venue.findFirstOrThrow({ where: { slug: { not: "nur-alem" } }, select: { id: true, name: true } });
    await moveEventToVenue(id, venue.id);
    const row = await prisma.event.findUniqueOrThrow({ where: { id }, select: { searchText: true, sequence: true } });
    expect([row.searchText.endsWith(venue.name.toLowerCase()), row.sequence]).toEqual([true, 1]);
  });

  it("refuses an end before the start and changes nothing", async () => {
    const id = await createEvent();
    await expect(rescheduleEvent(id, new Date("2017-08-14T16:00:00Z"), new Date("2017-08-14T15:00:00Z"))).rejects.toThrow(EventChangeError);
    const row = await prisma.event.findUniqueOrThrow({ where: { id }, select: { sequence: true, startsAt: true } });
    expect([row.sequence, row.startsAt.toISOString()]).toEqual([0, "2017-08-14T13:00:00.000Z"]);
  });
});
