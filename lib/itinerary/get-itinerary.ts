// The itinerary page and GET /api/itinerary: one visitor's saved events in time order, grouped by
// Astana day, with conflicts and walking warnings, and how a warning reads.
import "server-only";
import { toZonedTime, type ZonedTime } from "../time/astana";
import type { EventFacts } from "./itinerary-events";
import { readItineraryRows, type SavedEventRow } from "./itinerary-rows";
import { checkSchedule, conflictingEventCount, type ConflictingEvent, type PlannedEvent, type WalkWarning } from "./schedule-checks";

export interface ItineraryEntry {
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** Astana wall-clock: date of the start, "HH:MM" of start and end. */
  astana: { date: string; start: string; end: string; endDate: string };
  /** Lower case, as in the events API. */
  status: "scheduled" | "cancelled";
  timeIsIllustrative: boolean;
  venue: { slug: string; name: string };
  note: string | null;
  savedAt: string;
  conflictsWith: ConflictingEvent[];
  walkWarning: WalkWarning | null;
}

export interface ItineraryDay {
  /** Astana date, "YYYY-MM-DD". */
  date: string;
  entries: ItineraryEntry[];
}

export interface Itinerary {
  entries: ItineraryEntry[];
  days: ItineraryDay[];
  conflictCount: number;
}

// Astana wall-clock times and ISO text of the programme's instants, kept per process: even with the
// offset remembered per minute (lib/time/astana.ts), a conversion is several Dates and strings
// (about a tenth of GET /api/itinerary's CPU in decision 025's profile), the programme has a few
// thousand distinct starts and ends, and both depend on the instant alone. Bounded: cleared when
// full, so a stream of unusual instants cannot grow it.
interface InstantText extends ZonedTime {
  iso: string;
}
const textByInstant = new Map<number, InstantText>();
const INSTANTS_KEPT = 20_000;

function instantText(instant: Date): InstantText {
  const key = instant.getTime();
  let text = textByInstant.get(key);
  if (!text) {
    if (textByInstant.size >= INSTANTS_KEPT) textByInstant.clear();
    text = { ...toZonedTime(instant), iso: instant.toISOString() };
    textByInstant.set(key, text);
  }
  return text;
}

/** One user's saved events in time order, with conflicts and walking warnings; one query. */
export async function getItinerary(userId: string): Promise<Itinerary> {
  return buildItinerary((await readItineraryRows(userId)).saves);
}

/** What an entry shows of its event: the same for every visitor who saved it. */
export type EntryFacts = Omit<ItineraryEntry, "note" | "savedAt" | "conflictsWith" | "walkWarning">;

/** The event's part of an entry; the visitor's part (note, save time, checks) follows it, in ItineraryEntry's order. */
export function entryFacts(event: EventFacts): EntryFacts {
  const start = instantText(event.startsAt);
  const end = instantText(event.endsAt);
  return {
    slug: event.slug,
    title: event.title,
    startsAt: start.iso,
    endsAt: end.iso,
    astana: { date: start.date, start: start.time, end: end.time, endDate: end.date },
    status: event.status === "CANCELLED" ? "cancelled" : "scheduled",
    timeIsIllustrative: event.timeIsIllustrative,
    venue: { slug: event.venue.slug, name: event.venue.name },
  };
}

/** An event as the schedule checks see it. */
export function plannedEvent(event: EventFacts): PlannedEvent {
  return {
    slug: event.slug,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    cancelled: event.status === "CANCELLED",
    venue: event.venue,
  };
}

/** The itinerary of saved events already in time order (./itinerary-rows.ts). */
export function buildItinerary(rows: readonly SavedEventRow[]): Itinerary {
  const checks = checkSchedule(rows.map(plannedEvent));
  const entries: ItineraryEntry[] = rows.map((event) => {
    const check = checks.get(event.slug)!;
    return { ...entryFacts(event), note: event.note, savedAt: event.savedAt, conflictsWith: check.conflictsWith, walkWarning: check.walkWarning };
  });

  // Entries are in time order and carry their Astana start date already: grouping reuses it
  // instead of converting every start to Astana time a second time.
  const days: ItineraryDay[] = [];
  for (const entry of entries) {
    const last = days[days.length - 1];
    if (last?.date === entry.astana.date) last.entries.push(entry);
    else days.push({ date: entry.astana.date, entries: [entry] });
  }
  return { entries, days, conflictCount: conflictingEventCount(checks) };
}

function distance(meters: number): string {
  return meters >= 1000 ? `${(meters / 1000).toFixed(1)} km` : `${meters} m`;
}

export function describeWalkWarning(warning: WalkWarning): string {
  const gap = warning.gapMinutes === 0 ? "no time" : `only ${warning.gapMinutes} min`;
  return (
    `Tight change: ${gap} after “${warning.fromTitle}” (${warning.fromVenue}), but the walk to ${warning.toVenue} ` +
    `(${distance(warning.distanceMeters)}) takes about ${warning.walkMinutes} min.`
  );
}
