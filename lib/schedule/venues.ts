// Venues: the list, one venue's events by day, and how a venue appears in the JSON API.
import "server-only";
import { prisma } from "../db";
import type { VenueKind } from "../generated/prisma/enums";
import { isSlug, venuePath } from "../http/paths";
import { eventRowSelect, groupByAstanaDay, toEventJson, type EventDay, type EventJson } from "./event-row";

export const venueSelect = {
  slug: true,
  name: true,
  kind: true,
  description: true,
  address: true,
  latitude: true,
  longitude: true,
} as const;

export interface VenueRow {
  slug: string;
  name: string;
  kind: VenueKind;
  description: string;
  address: string;
  latitude: number;
  longitude: number;
}

export interface VenueJson {
  slug: string;
  name: string;
  /** "pavilion", "tent", "sector", "concert-hall", ... */
  kind: string;
  description: string;
  address: string;
  latitude: number;
  longitude: number;
  url: string;
}

const KIND_LABELS: Record<VenueKind, string> = {
  PAVILION: "Pavilion",
  TENT: "Tent",
  SECTOR: "Sector",
  ARENA: "Arena",
  THEATRE: "Theatre",
  MUSEUM: "Museum",
  HIPPODROME: "Hippodrome",
  STADIUM: "Stadium",
  CONCERT_HALL: "Concert hall",
  OPEN_AIR: "Open-air stage",
};

export function venueKindLabel(kind: VenueKind): string {
  return KIND_LABELS[kind];
}

export function toVenueJson(venue: VenueRow, baseUrl: string): VenueJson {
  return {
    slug: venue.slug,
    name: venue.name,
    kind: venue.kind.toLowerCase().replace(/_/g, "-"),
    description: venue.description,
    address: venue.address,
    latitude: venue.latitude,
    longitude: venue.longitude,
    url: `${baseUrl}${venuePath(venue.slug)}`,
  };
}


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
