// Formatting an instant for the visitor's chosen display zone. Astana time (Asia/Almaty, with the
// offset the zone had on the event's own date) is the default and the only zone the server renders;
// a visitor may switch to another zone in the browser (components/time-zone-switch.tsx).
import { ASTANA_TIME_ZONE, formatUtcLabel, toZonedTime, zoneOffsetMinutes } from "./astana";

export const UTC_TIME_ZONE = "UTC";

export function isValidTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "Astana" for Asia/Almaty, "New York" for America/New_York, "UTC" for UTC. */
export function zoneCityLabel(zone: string): string {
  if (zone === ASTANA_TIME_ZONE) return "Astana";
  if (zone === UTC_TIME_ZONE || zone === "Etc/UTC") return "UTC";
  const last = zone.split("/").pop() ?? zone;
  return last.replace(/_/g, " ");
}

const SHORT_DAY = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/**
 * "Mon 14 Aug" for "2017-08-14". Built from parts: ICU versions (Node's, the browser's) differ on
 * commas, and the server's and the browser's text must match for hydration.
 */
export function shortDayLabel(isoDate: string): string {
  const parts = SHORT_DAY.formatToParts(new Date(`${isoDate}T00:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")}`;
}

function zoneSuffix(instant: Date, zone: string): string {
  const city = zoneCityLabel(zone);
  if (city === "UTC") return "UTC";
  return `${city}, ${formatUtcLabel(zoneOffsetMinutes(instant, zone))}`;
}

/**
 * "19:00 Astana, UTC+6". In another zone "14:00 London, UTC+1"; when the day there differs from
 * the day in Astana the day is named ("Tue 15 Aug, 01:00 Tokyo, UTC+9").
 */
export function formatTimeInZone(instant: Date, zone: string = ASTANA_TIME_ZONE): string {
  const local = toZonedTime(instant, zone);
  const astanaDate = toZonedTime(instant).date;
  const day = local.date === astanaDate ? "" : `${shortDayLabel(local.date)}, `;
  return `${day}${local.time} ${zoneSuffix(instant, zone)}`;
}

/** "19:00–21:00 Astana, UTC+6"; an end on a later day gets "(+1 day)". */
export function formatTimeRangeInZone(start: Date, end: Date, zone: string = ASTANA_TIME_ZONE): string {
  const from = toZonedTime(start, zone);
  const to = toZonedTime(end, zone);
  const astanaDate = toZonedTime(start).date;
  const day = from.date === astanaDate ? "" : `${shortDayLabel(from.date)}, `;
  const days = Math.round((Date.parse(`${to.date}T00:00:00Z`) - Date.parse(`${from.date}T00:00:00Z`)) / 86_400_000);
  const later = days > 0 ? ` (+${days} ${days === 1 ? "day" : "days"})` : "";
  return `${day}${from.time}–${to.time}${later} ${zoneSuffix(start, zone)}`;
}

const LONG_DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "Monday 14 August 2017" for "2017-08-14" (built from parts: ICU versions differ on the comma). */
export function longDayLabel(isoDate: string): string {
  const parts = LONG_DAY.formatToParts(new Date(`${isoDate}T00:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
}
