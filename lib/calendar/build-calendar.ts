// Pure iCalendar rendering with ical-generator: the same input always gives the same bytes
// (DTSTAMP and LAST-MODIFIED come from the event's last change, never from the clock), times are
// UTC instants (…Z) so no client can apply a zone's current offset to a 2017 time, and every text
// is cleaned by feedText first (docs/decisions/003-feed-uids.md, 006-feed-caching.md).
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus, type ICalEventData } from "ical-generator";
import { absoluteUrl, eventPath, eventShortPath } from "../http/paths";
import { ASTANA_TIME_ZONE } from "../time/astana";
import { feedText, shortDescription } from "./feed-text";

/** ical-generator writes "PRODID:-" before this, giving "-//expo2017-schedule//…//EN". */
export const FEED_PRODID = "//expo2017-schedule//EXPO 2017 Astana calendar feeds//EN";
/** Refresh hint for subscribed clients (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 6 * 60 * 60;
/** Google Calendar silently drops feeds larger than about 1 MB. */
export const FEED_BYTE_BUDGET = 1_000_000;

export interface FeedEvent {
  /** Database id: the short link /e/{id} that compact feeds carry (see eventShortUrl). */
  id: number;
  uid: string;
  slug: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  sequence: number;
  updatedAt: Date;
  venue: { name: string; address: string; latitude: number; longitude: number };
  /** Category, then sub-type if any. */
  categories: string[];
  /** A reminder (VALARM, ACTION:DISPLAY) this many minutes before the start; itinerary feeds only. */
  alarmMinutesBefore?: number;
}

/**
 * How much each event carries. "full": everything a calendar can show. "compact": what a calendar
 * needs to place the event (time, title, venue name, status) and a short link to its page
 * (/e/{id}, which redirects to /events/{slug}: the slugs are long and a full link per event would
 * push the unfiltered programme over 1 MB). "minimal": the same without the per-event link, a last
 * resort no seeded selection needs; the calendar's own URL then points at the selection's page.
 * The richest form that fits FEED_BYTE_BUDGET is used (docs/decisions/006-feed-caching.md).
 */
export type FeedDetail = "full" | "compact" | "minimal";
export const FEED_DETAILS: readonly FeedDetail[] = ["full", "compact", "minimal"];

export interface CalendarSpec {
  name: string;
  /** Origin for event page links, e.g. "https://expo2017.example"; the UID never depends on it. */
  baseUrl: string;
  /** The page showing this selection on the site (absolute), written as the calendar's URL. */
  pageUrl: string;
  events: readonly FeedEvent[];
  detail: FeedDetail;
}

export function eventPageUrl(baseUrl: string, slug: string): string {
  return absoluteUrl(baseUrl, eventPath(slug));
}

/** The short form of an event's page link, answered by app/e/[id] with a redirect to the page. */
export function eventShortUrl(baseUrl: string, id: number): string {
  return absoluteUrl(baseUrl, eventShortPath(id));
}

/** One event's ical-generator data in `detail`; render-in-turns.ts renders it on its own too. */
export function eventData(event: FeedEvent, baseUrl: string, detail: FeedDetail): ICalEventData {
  const url = eventPageUrl(baseUrl, event.slug);
  const common: ICalEventData = {
    id: feedText(event.uid),
    sequence: event.sequence,
    stamp: event.updatedAt,
    start: event.startsAt,
    end: event.endsAt,
    // Several calendar clients ignore STATUS in subscriptions; the title then still says it.
    summary: `${event.status === "CANCELLED" ? "Cancelled: " : ""}${feedText(event.title)}`,
    ...(event.alarmMinutesBefore !== undefined && {
      alarms: [{ type: ICalAlarmType.display, triggerBefore: event.alarmMinutesBefore * 60, description: feedText(event.title) }],
    }),
  };
  const cancelled = event.status === "CANCELLED";
  if (detail !== "full") {
    return {
      ...common,
      ...(cancelled && { status: ICalEventStatus.CANCELLED }),
      location: { title: feedText(event.venue.name) },
      ...(detail === "compact" && { url: eventShortUrl(baseUrl, event.id) }),
    };
  }
  const teaser = shortDescription(event.description);
  return {
    ...common,
    lastModified: event.updatedAt,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // The newline is ours (ical-generator writes it as an escaped \n); data newlines were removed.
    description: teaser ? `${teaser}\n${url}` : url,
    location: {
      title: feedText(event.venue.name),
      address: feedText(event.venue.address),
      geo: { lat: event.venue.latitude, lon: event.venue.longitude },
    },
    categories: event.categories.map(feedText).filter(Boolean).map((name) => ({ name })),
    url,
  };
}

/**
 * RFC 5545 TEXT escaping (section 3.3.11) of one line of text: a backslash, ";" and "," each get
 * a backslash in front.
 * ical-generator does this for SUMMARY, DESCRIPTION and LOCATION but writes the calendar's NAME,
 * X-WR-CALNAME and X-WR-CALDESC exactly as given, so those are escaped here (once: feedText has
 * already removed the line breaks, which would otherwise need escaping as well).
 */
export function icalText(value: string): string {
  return value.replace(/[\\;,]/g, (character) => `\\${character}`);
}

/** Renders one calendar. Deterministic: identical input gives byte-identical output. */
export function renderCalendar(spec: CalendarSpec): string {
  const calendar = ical({
    name: icalText(feedText(spec.name)),
    prodId: FEED_PRODID,
    method: ICalCalendarMethod.PUBLISH,
    ttl: FEED_REFRESH_SECONDS,
    url: spec.pageUrl,
    description: icalText(`Details of every event: ${feedText(spec.pageUrl)}`),
  });
  for (const event of spec.events) calendar.createEvent(eventData(event, spec.baseUrl, spec.detail));
  return withCalendarTimezoneHint(calendar.toString());
}

/**
 * X-WR-TIMEZONE tells clients which zone to display the UTC times in. ical-generator only writes
 * it together with TZID-based times (and writes custom calendar properties after the events,
 * where RFC 5545 does not allow them), so it is inserted among the calendar's properties here.
 */
function withCalendarTimezoneHint(ics: string): string {
  const line = `X-WR-TIMEZONE:${ASTANA_TIME_ZONE}\r\n`;
  // Folded continuation lines start with a space, so "\r\nBEGIN:" is always a real component.
  const firstComponent = ics.indexOf("\r\nBEGIN:VEVENT\r\n");
  const at = firstComponent >= 0 ? firstComponent + 2 : ics.lastIndexOf("END:VCALENDAR");
  return ics.slice(0, at) + line + ics.slice(at);
}

export interface RenderedCalendar {
  bytes: Uint8Array<ArrayBuffer>;
  detail: FeedDetail;
}

/** Octets of one content line as ical-generator writes it: escaping, folding at 75 octets, CRLF. */
function lineBytes(name: string, value: string, escaped = true): number {
  const escapes = escaped ? (value.match(/[\\;,]/g)?.length ?? 0) : 0;
  const octets = name.length + 1 + Buffer.byteLength(value, "utf8") + escapes;
  return octets + 2 + Math.floor(octets / 74) * 3;
}

/** A close estimate of an event's size in a detail level, to pick the level before rendering. */
export function estimateEventBytes(event: FeedEvent, baseUrl: string, detail: FeedDetail): number {
  const url = eventPageUrl(baseUrl, event.slug);
  const fixed = "BEGIN:VEVENT\r\nDTSTAMP:20170101T000000Z\r\nDTSTART:20170101T000000Z\r\nDTEND:20170101T000000Z\r\nEND:VEVENT\r\n".length;
  let total =
    fixed +
    lineBytes("UID", event.uid, false) +
    lineBytes("SEQUENCE", String(event.sequence)) +
    lineBytes("SUMMARY", feedText(event.title));
  if (event.status === "CANCELLED" || detail === "full") total += lineBytes("STATUS", "CANCELLED");
  if (detail === "full") total += lineBytes("URL;VALUE=URI", url, false);
  if (detail === "compact") total += lineBytes("URL;VALUE=URI", eventShortUrl(baseUrl, event.id), false);
  if (detail !== "full") total += lineBytes("LOCATION", feedText(event.venue.name));
  else {
    const teaser = shortDescription(event.description);
    total +=
      lineBytes("LOCATION", `${feedText(event.venue.name)}\\n${feedText(event.venue.address)}`) +
      lineBytes("GEO", `${event.venue.latitude};${event.venue.longitude}`, false) +
      lineBytes("DESCRIPTION", `${teaser}\\n${url}`) +
      lineBytes("CATEGORIES", event.categories.join(",")) +
      lineBytes("LAST-MODIFIED", "20170101T000000Z");
  }
  return total;
}

/** Calendar properties and framing; generous, so the estimate errs towards the smaller form. */
export const CALENDAR_OVERHEAD_BYTES = 1024;

/**
 * Renders once, in the richest detail level whose estimated size fits the budget (rendering the
 * full programme takes several hundred milliseconds, so levels are not tried by rendering). If the
 * estimate was wrong the next level is rendered; the last level is returned even if it is too big,
 * which the size test guards against.
 */
export function renderCalendarWithinBudget(
  spec: Omit<CalendarSpec, "detail">,
  budget: number = FEED_BYTE_BUDGET,
): RenderedCalendar {
  const fits = (detail: FeedDetail) =>
    spec.events.reduce((sum, event) => sum + estimateEventBytes(event, spec.baseUrl, detail), CALENDAR_OVERHEAD_BYTES) <
    budget;
  const first = FEED_DETAILS.findIndex((detail, index) => index === FEED_DETAILS.length - 1 || fits(detail));
  for (let index = first; ; index++) {
    const detail = FEED_DETAILS[index];
    const bytes = new TextEncoder().encode(renderCalendar({ ...spec, detail }));
    if (bytes.length < budget || index === FEED_DETAILS.length - 1) return { bytes, detail };
  }
}
