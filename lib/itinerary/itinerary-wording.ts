import { parseIsoDate } from "../time/astana";
import type { WalkWarning } from "./schedule-checks";

const DAY_FORMAT = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "Monday 14 August 2017" for an Astana date "2017-08-14". */
export function describeDay(date: string): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  return DAY_FORMAT.format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day))).replace(",", "");
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
