// Astana's clock for EXPO 2017. Every instant is stored in UTC; the wall-clock time is computed
// with the IANA zone for the instant's own date, because Asia/Almaty was UTC+06:00 in 2017 and is
// UTC+05:00 since March 2024 (docs/decisions/002-astana-time.md). Never hard-code either offset.

export const ASTANA_TIME_ZONE = "Asia/Almaty";

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClockInZone(instant: Date, timeZone: string = ASTANA_TIME_ZONE): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

// formatToParts costs several microseconds, and a 10,000-row import converts about 40,000 times.
// A zone's offset is the same throughout a UTC minute (transitions since the 1920s fall on whole
// minutes), so it is remembered per zone and minute; the wall clock is then plain arithmetic.
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 50_000;

/** Offset of the zone from UTC at that instant, in minutes (Astana 2017: 360). */
export function zoneOffsetMinutes(instant: Date, timeZone: string = ASTANA_TIME_ZONE): number {
  const minuteStart = Math.floor(instant.getTime() / 60000) * 60000;
  const key = `${timeZone} ${minuteStart}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const wall = wallClockInZone(new Date(minuteStart), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offset = Math.round((asUtc - minuteStart) / 60000);
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** Parses "YYYY-MM-DD" strictly: "2017-02-30" is rejected, not rolled over to March. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** The UTC instant of a wall-clock time in the zone ("2017-08-14", "19:00" -> 13:00Z). */
export function zonedTimeToUtc(date: string, time: string, timeZone: string = ASTANA_TIME_ZONE): Date {
  const d = parseIsoDate(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t) throw new RangeError(`Not a local date and time: ${date} ${time}`);
  const hour = Number(t[1]);
  const minute = Number(t[2]);
  if (hour > 23 || minute > 59) throw new RangeError(`Not a time of day: ${time}`);
  const wallAsUtc = Date.UTC(d.year, d.month - 1, d.day, hour, minute);
  // Two passes settle the offset even when the first guess lands across a transition.
  let instant = wallAsUtc - zoneOffsetMinutes(new Date(wallAsUtc), timeZone) * 60000;
  instant = wallAsUtc - zoneOffsetMinutes(new Date(instant), timeZone) * 60000;
  return new Date(instant);
}

/** Midnight-to-midnight of an Astana calendar day, as UTC instants [start, end). */
export function astanaDayRange(date: string): { start: Date; end: Date } {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`Not a date: ${date}`);
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { start: zonedTimeToUtc(date, "00:00"), end: zonedTimeToUtc(isoDateOf(next), "00:00") };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isoDateOf(utcMidnight: Date): string {
  return `${utcMidnight.getUTCFullYear()}-${pad(utcMidnight.getUTCMonth() + 1)}-${pad(utcMidnight.getUTCDate())}`;
}

/** "+06:00" style offset. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "UTC+6" or "UTC+5:30", the short label shown next to times. */
export function formatUtcLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${pad(minutes)}` : ""}`;
}

export interface ZonedTime {
  /** "2017-08-14" */
  date: string;
  /** "19:00" */
  time: string;
  /** "+06:00" */
  offset: string;
  /** "2017-08-14T19:00:00+06:00" */
  iso: string;
}

export function toZonedTime(instant: Date, timeZone: string = ASTANA_TIME_ZONE): ZonedTime {
  const offsetMinutes = zoneOffsetMinutes(instant, timeZone);
  // The wall clock is the instant moved by the offset, read in UTC.
  const wall = new Date(instant.getTime() + offsetMinutes * 60000);
  const offset = formatOffset(offsetMinutes);
  const date = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
  return { date, time, offset, iso: `${date}T${time}:${pad(wall.getUTCSeconds())}${offset}` };
}

/** "19:00 Astana, UTC+6" */
export function formatAstanaTime(instant: Date): string {
  const zoned = toZonedTime(instant);
  return `${zoned.time} Astana, ${formatUtcLabel(zoneOffsetMinutes(instant))}`;
}

/** The Astana calendar date of an instant, "YYYY-MM-DD". */
export function astanaDateOf(instant: Date): string {
  return toZonedTime(instant).date;
}
