// schema.org Event for the event page, so search engines and chat apps read the right time:
// startDate/endDate carry Astana's 2017 offset (+06:00), computed from the zone, never hard-coded.
import { toZonedTime } from "../time/astana";
import type { EventDetailRow } from "./event-detail";
import { eventPath } from "./event-row";

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
