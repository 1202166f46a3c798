// One event: its page (with the venue's other events that day), its JSON, its schema.org
// JSON-LD, and the short link /e/{id} that large feeds carry.
import "server-only";
import { prisma, type Prisma } from "../db";
import { eventPath, isSlug, venuePath } from "../http/paths";
import { astanaDateOf, astanaDayRange, toZonedTime } from "../time/astana";
import { eventRowSelect, toEventJson, type EventJson, type EventRow } from "./event-row";

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

const EVENT_ID = /^[1-9]\d{0,8}$/;

/**
 * The page path behind a short event link /e/{id} (used by large calendar feeds, where the full
 * slug URL per event would not fit Google's 1 MB limit), or null for anything that is not an event.
 */
export async function findEventPathByShortId(id: string): Promise<string | null> {
  if (!EVENT_ID.test(id)) return null;
  const event = await prisma.event.findUnique({ where: { id: Number(id) }, select: { slug: true } });
  return event ? eventPath(event.slug) : null;
}

// schema.org Event for the event page, so search engines and chat apps read the right time:
// startDate/endDate carry Astana's 2017 offset (+06:00), computed from the zone, never hard-coded.
/**
 * `baseUrl` is the site's public origin ("https://expo.example"): schema.org wants an absolute
 * url, and a relative one would be read against whatever page a crawler or chat app found it on.
 */
export function eventJsonLd(event: EventDetailRow, baseUrl: string): Record<string, unknown> {
  const pageUrl = new URL(eventPath(event.slug), baseUrl).href;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description: event.description || undefined,
    startDate: toZonedTime(event.startsAt).iso,
    endDate: toZonedTime(event.endsAt).iso,
    eventStatus: event.status === "CANCELLED" ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    url: pageUrl,
    location: {
      "@type": "Place",
      name: event.venue.name,
      address: event.venue.address,
      geo: { "@type": "GeoCoordinates", latitude: event.venue.latitude, longitude: event.venue.longitude },
    },
    performer: event.performers.length
      ? event.performers.map((name) => ({ "@type": "PerformingGroup", name }))
      : undefined,
    isAccessibleForFree: event.admission === "FREE" ? true : event.admission === "TICKETED" ? false : undefined,
    superEvent: { "@type": "Event", name: "EXPO 2017 Astana", startDate: "2017-06-10", endDate: "2017-09-10" },
  };
}

/** JSON for a <script> element: "<" escaped so a title can never close the script. */
export function serializeJsonLd(value: Record<string, unknown>): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
