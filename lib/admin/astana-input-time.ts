import { toZonedTime, zonedTimeToUtc } from "../time/astana";

// Organisers type times as Astana wall-clock time ("2017-07-13 19:00", what the programme prints);
// machines may send an ISO instant with its offset ("2017-07-13T13:00:00Z"). Both become a UTC
// instant; anything else is refused rather than guessed.
const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant a typed time means, or null when it is not one of the two accepted forms. */
export function parseAstanaInput(value: string): Date | null {
  const text = value.trim();
  const local = LOCAL.exec(text);
  if (local) {
    try {
      return zonedTimeToUtc(local[1], local[2]);
    } catch {
      return null;
    }
  }
  if (!WITH_OFFSET.test(text)) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * "2017-07-13T19:00" in Astana time: what forms show and exports write. Seconds are kept only when
 * not zero, so exporting and importing again gives back the same instant.
 */
export function formatAstanaInput(instant: Date): string {
  const zoned = toZonedTime(instant);
  const seconds = instant.getUTCSeconds();
  const millis = instant.getUTCMilliseconds();
  if (seconds === 0 && millis === 0) return `${zoned.date}T${zoned.time}`;
  // Rare (no form produces them): written as an exact instant with the offset instead.
  return `${zoned.date}T${zoned.time}:${String(seconds).padStart(2, "0")}.${String(millis).padStart(3, "0")}${zoned.offset}`;
}
