// The checks that make a saved list a plan: which saved events overlap, and where the walk from one
// venue to the next takes longer than the gap between them. Pure functions over plain data.

export const WALKING_SPEED_KMH = 4.5;
// Finding the exit, the queue at the next door: a walk is never planned to the minute.
export const WALK_BUFFER_MINUTES = 5;
const EARTH_RADIUS_KM = 6371.0088;

export interface PlannedVenue {
  slug: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface PlannedEvent {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  venue: PlannedVenue;
}

export interface ConflictingEvent {
  slug: string;
  title: string;
}

export interface WalkWarning {
  /** The event the visitor walks from. */
  fromSlug: string;
  fromTitle: string;
  fromVenue: string;
  toVenue: string;
  distanceMeters: number;
  gapMinutes: number;
  walkMinutes: number;
}

export interface ScheduleCheck {
  conflictsWith: ConflictingEvent[];
  walkWarning: WalkWarning | null;
}

/** Great-circle distance between two points, in kilometres. */
export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes to walk between two venues at WALKING_SPEED_KMH in a straight line, plus the buffer. */
export function walkingMinutes(from: PlannedVenue, to: PlannedVenue): number {
  if (from.slug === to.slug) return 0;
  return Math.ceil((haversineKm(from, to) / WALKING_SPEED_KMH) * 60) + WALK_BUFFER_MINUTES;
}

/** Intervals are [start, end): an event ending at 19:00 does not clash with one starting at 19:00. */
export function overlaps(a: PlannedEvent, b: PlannedEvent): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * The itinerary's order: start, then end, then slug. Slugs are [a-z0-9-] (SLUG_PATTERN), for which
 * code-point order is the order `localeCompare` gives; comparing code points skips ICU, which on
 * programmes with many shared start and end times was most of GET /api/itinerary's sort.
 */
export function byStartThenEnd(a: { startsAt: Date; endsAt: Date; slug: string }, b: { startsAt: Date; endsAt: Date; slug: string }): number {
  return a.startsAt.getTime() - b.startsAt.getTime() || a.endsAt.getTime() - b.endsAt.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** How many of the checked events overlap another: an itinerary's conflict count. */
export function conflictingEventCount(checks: ReadonlyMap<string, ScheduleCheck>): number {
  let count = 0;
  for (const check of checks.values()) if (check.conflictsWith.length > 0) count += 1;
  return count;
}

/**
 * Conflicts and walking warnings for every event, keyed by slug. Cancelled events take part in
 * neither: nobody will be at them (the itinerary flags them instead).
 */
export function checkSchedule(events: readonly PlannedEvent[]): Map<string, ScheduleCheck> {
  const checks = new Map<string, ScheduleCheck>(events.map((event) => [event.slug, { conflictsWith: [], walkWarning: null }]));
  const active = events.filter((event) => !event.cancelled).sort(byStartThenEnd);
  // Instants as numbers once: the loops below compare them O(n²) times per itinerary, on the
  // hottest signed-in read (GET /api/itinerary, decision 025).
  const starts = active.map((event) => event.startsAt.getTime());
  const ends = active.map((event) => event.endsAt.getTime());

  for (let i = 0; i < active.length; i++) {
    // Sorted by start: once an event starts at or after this one's end, no later one can overlap it.
    for (let j = i + 1; j < active.length && starts[j] < ends[i]; j++) {
      if (!overlaps(active[i], active[j])) continue;
      checks.get(active[i].slug)!.conflictsWith.push({ slug: active[j].slug, title: active[j].title });
      checks.get(active[j].slug)!.conflictsWith.push({ slug: active[i].slug, title: active[i].title });
    }
  }

  for (let i = 0; i < active.length; i++) {
    const next = active[i];
    // Where the visitor comes from: of the events over by the time this one starts, the last to end.
    let from = -1;
    for (let j = 0; j < i; j++) {
      if (ends[j] > starts[i]) continue;
      if (from < 0 || ends[j] > ends[from]) from = j;
    }
    if (from < 0 || active[from].venue.slug === next.venue.slug) continue;
    const previous = active[from];
    const gapMinutes = Math.floor((starts[i] - ends[from]) / 60000);
    const walk = walkingMinutes(previous.venue, next.venue);
    if (gapMinutes >= walk) continue;
    checks.get(next.slug)!.walkWarning = {
      fromSlug: previous.slug,
      fromTitle: previous.title,
      fromVenue: previous.venue.name,
      toVenue: next.venue.name,
      distanceMeters: Math.round(haversineKm(previous.venue, next.venue) * 1000),
      gapMinutes,
      walkMinutes: walk,
    };
  }
  return checks;
}
