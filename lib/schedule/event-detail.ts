import "server-only";
import { prisma, type Prisma } from "../db";
import { astanaDateOf, astanaDayRange } from "../time/astana";
import { eventRowSelect, toEventJson, type EventJson, type EventRow } from "./event-row";
import { isSlug } from "./slug";
import { venuePath } from "./venue-json";

const eventDetailSelect = {
  ...eventRowSelect,
  description: true,
  updatedAt: true,
  venueId: true,
  venue: { select: { slug: true, name: true, kind: true, address: true, latitude: true, longitude: true } },
  programme: { select: { slug: true, name: true, kind: true } },
} satisfies Prisma.EventSelect;

export type EventDetailRow = Prisma.EventGetPayload<{ select: typeof eventDetailSelect }>;

export interface EventDetail {
  event: EventDetailRow;
  /** The event's day in Astana, "YYYY-MM-DD". */
  day: string;
  /** Other events at the same venue on the same Astana day. */
  sameVenueSameDay: EventRow[];
}

/** The event page: the event, then its venue's other events that day (two queries in all). */
export async function getEventDetail(slug: string): Promise<EventDetail | null> {
  if (!isSlug(slug)) return null;
  const event = await prisma.event.findUnique({ where: { slug }, select: eventDetailSelect });
  if (!event) return null;
  const day = astanaDateOf(event.startsAt);
  const { start, end } = astanaDayRange(day);
  const sameVenueSameDay = await prisma.event.findMany({
    where: { venueId: event.venueId, startsAt: { gte: start, lt: end }, id: { not: event.id } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 50,
    select: eventRowSelect,
  });
  return { event, day, sameVenueSameDay };
}

export interface EventDetailJson extends Omit<EventJson, "venue"> {
  description: string;
  performers: string[];
  venue: { slug: string; name: string; address: string; latitude: number; longitude: number; url: string };
  sameVenueSameDay: EventJson[];
}

export function toEventDetailJson(detail: EventDetail, baseUrl: string): EventDetailJson {
  const { event } = detail;
  return {
    ...toEventJson(event, baseUrl),
    description: event.description,
    performers: event.performers,
    venue: {
      slug: event.venue.slug,
      name: event.venue.name,
      address: event.venue.address,
      latitude: event.venue.latitude,
      longitude: event.venue.longitude,
      url: `${baseUrl}${venuePath(event.venue.slug)}`,
    },
    sameVenueSameDay: detail.sameVenueSameDay.map((row) => toEventJson(row, baseUrl)),
  };
}
