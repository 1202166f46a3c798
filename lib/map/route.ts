// The route through one day's saved events: the order a visitor walks them in and how long each
// walk takes. Pure; shared by /map (the drawn route) and /timetable (the walking gaps).
import { byStartThenEnd, haversineKm, walkingMinutes, type PlannedVenue } from "../itinerary/schedule-checks";

export interface RouteStop {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  venue: PlannedVenue;
}

export interface RouteLeg {
  from: RouteStop;
  to: RouteStop;
  distanceMeters: number;
  /** Straight-line walk plus the buffer of lib/itinerary/schedule-checks.ts; 0 within one venue. */
  walkMinutes: number;
  /** Minutes between the end of `from` and the start of `to`; negative when they overlap. */
  gapMinutes: number;
  /** True when the walk does not fit in the gap. */
  tight: boolean;
}

export interface DayRoute {
  /** The stops in walking order: by start, then end, then slug (the itinerary's order). */
  stops: RouteStop[];
  legs: RouteLeg[];
  totalWalkMinutes: number;
  totalDistanceMeters: number;
}

/**
 * Orders a day's saved events and measures the walk between consecutive ones. Cancelled events are
 * left out: nobody walks to them. Two events in a row at one venue make a leg of 0 minutes, kept
 * so the legs stay one fewer than the stops.
 */
export function planDayRoute(events: readonly RouteStop[]): DayRoute {
  const stops = events.filter((event) => !event.cancelled).sort(byStartThenEnd);
  const legs: RouteLeg[] = [];
  for (let i = 1; i < stops.length; i++) {
    const from = stops[i - 1];
    const to = stops[i];
    const walk = walkingMinutes(from.venue, to.venue);
    const gapMinutes = Math.floor((to.startsAt.getTime() - from.endsAt.getTime()) / 60000);
    legs.push({
      from,
      to,
      distanceMeters: from.venue.slug === to.venue.slug ? 0 : Math.round(haversineKm(from.venue, to.venue) * 1000),
      walkMinutes: walk,
      gapMinutes,
      tight: gapMinutes < walk,
    });
  }
  return {
    stops,
    legs,
    totalWalkMinutes: legs.reduce((sum, leg) => sum + leg.walkMinutes, 0),
    totalDistanceMeters: legs.reduce((sum, leg) => sum + leg.distanceMeters, 0),
  };
}

/** "450 m" or "3.2 km". */
export function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters / 10) * 10} m` : `${(meters / 1000).toFixed(1)} km`;
}

/** "Walk 12 min (850 m) from Tent 3" and, when it does not fit, why. */
export function describeLeg(leg: RouteLeg): string {
  if (leg.walkMinutes === 0) return `Stay at ${leg.to.venue.name}`;
  const base = `Walk ${leg.walkMinutes} min (${formatDistance(leg.distanceMeters)}) from ${leg.from.venue.name} to ${leg.to.venue.name}`;
  if (!leg.tight) return base;
  return leg.gapMinutes < 0
    ? `${base} — the events overlap`
    : `${base} — only ${leg.gapMinutes} min between the events`;
}
