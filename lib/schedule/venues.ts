import "server-only";
import { prisma } from "../db";
import { eventRowSelect, toEventJson, type EventJson } from "./event-row";
import { groupByAstanaDay, type EventDay } from "./group-by-day";
import { isSlug } from "./slug";
import { toVenueJson, venueSelect, type VenueJson, type VenueRow } from "./venue-json";

/** Every venue, by kind then name (served by Venue_kind_name_idx). */
export async function listVenues(): Promise<VenueRow[]> {
  return prisma.venue.findMany({ select: venueSelect, orderBy: [{ kind: "asc" }, { name: "asc" }] });
}

export interface VenueSchedule {
  venue: VenueRow;
  days: EventDay[];
  eventCount: number;
}

/** A venue and all its events by day: two queries, the second served by Event_venueId_startsAt_idx. */
export async function getVenueSchedule(slug: string): Promise<VenueSchedule | null> {
  if (!isSlug(slug)) return null;
  const found = await prisma.venue.findUnique({ where: { slug }, select: { id: true, ...venueSelect } });
  if (!found) return null;
  const { id, ...venue } = found;
  const rows = await prisma.event.findMany({
    where: { venueId: id },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: eventRowSelect,
  });
  return { venue, days: groupByAstanaDay(rows), eventCount: rows.length };
}

export interface VenueScheduleJson extends VenueJson {
  events: EventJson[];
}

export function toVenueScheduleJson(schedule: VenueSchedule, baseUrl: string): VenueScheduleJson {
  return {
    ...toVenueJson(schedule.venue, baseUrl),
    events: schedule.days.flatMap((day) => day.events.map((row) => toEventJson(row, baseUrl))),
  };
}
