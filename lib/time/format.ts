// Every date and time a person reads, in one place: days ("Mon 14 Aug", "14 Aug 2017",
// "14 August 2017", "Monday 14 August 2017") and event times in the visitor's display zone. Astana
// time (Asia/Almaty, with the offset the zone had on the event's own date) is the default; a
// visitor may choose another zone, kept in a cookie so the server renders it (display-zone-preference.ts).
// Days are built from Intl parts: ICU versions (Node's, the browser's) differ on commas, and the
// server's and the browser's text must match for hydration.
import { ASTANA_TIME_ZONE, formatUtcLabel, parseIsoDate, toZonedTime, zoneOffsetMinutes } from "./astana";

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

type DayPart = "weekday" | "day" | "month" | "year";

/** The parts of a calendar date ("2017-08-14") in `style`, joined by spaces in `order`. */
function dayLabel(isoDate: string, format: Intl.DateTimeFormat, order: DayPart[]): string {
  if (!parseIsoDate(isoDate)) return isoDate;
  const parts = format.formatToParts(new Date(`${isoDate}T00:00:00Z`));
  return order.map((type) => parts.find((p) => p.type === type)?.value ?? "").join(" ");
}

const SHORT_DAY = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const FULL_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const LONG_DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "Mon 14 Aug" for "2017-08-14": day pickers and previous/next links. */
export function shortDayLabel(isoDate: string): string {
  return dayLabel(isoDate, SHORT_DAY, ["weekday", "day", "month"]);
}

// Fixed three-letter months: newer ICU writes "Sept", which would rename existing feeds.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "14 Aug 2017": calendar names, where space is short. */
export function mediumDayLabel(isoDate: string): string {
  const d = parseIsoDate(isoDate);
  return d ? `${d.day} ${MONTHS[d.month - 1]} ${d.year}` : isoDate;
}

/** "14 August 2017": running text. */
export function dateLabel(isoDate: string): string {
  return dayLabel(isoDate, FULL_DATE, ["day", "month", "year"]);
}

/** "Monday 14 August 2017": headings of a day. */
export function longDayLabel(isoDate: string): string {
  return dayLabel(isoDate, LONG_DAY, ["weekday", "day", "month", "year"]);
}

/** "14 August 2017" for an instant, by its Astana date (when a feed was created, say). */
export function instantDateLabel(instant: Date | string): string {
  return dateLabel(toZonedTime(new Date(instant)).date);
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
