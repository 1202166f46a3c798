import { astanaDateOf, parseIsoDate } from "./astana";

export const EXPO_FIRST_DAY = "2017-06-10";
export const EXPO_LAST_DAY = "2017-09-10";

/** Every expo day, "2017-06-10" .. "2017-09-10" (93 days). */
export function listExpoDays(): string[] {
  const days: string[] = [];
  const first = parseIsoDate(EXPO_FIRST_DAY)!;
  for (let i = 0; ; i++) {
    const d = new Date(Date.UTC(first.year, first.month - 1, first.day + i));
    const iso = d.toISOString().slice(0, 10);
    days.push(iso);
    if (iso === EXPO_LAST_DAY) return days;
  }
}

export function isExpoDay(date: string): boolean {
  return parseIsoDate(date) !== null && date >= EXPO_FIRST_DAY && date <= EXPO_LAST_DAY;
}

/** The expo day matching "now" in Astana while the expo runs, else opening day. */
export function defaultExpoDay(now: Date = new Date()): string {
  const today = astanaDateOf(now);
  return isExpoDay(today) ? today : EXPO_FIRST_DAY;
}
