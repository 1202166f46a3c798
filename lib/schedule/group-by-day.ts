import { astanaDateOf } from "../time/astana";
import type { EventRow } from "./event-row";

export interface EventDay {
  /** "YYYY-MM-DD" in Astana. */
  date: string;
  events: EventRow[];
}

/** Groups events already in time order by their Astana day. */
export function groupByAstanaDay(rows: EventRow[]): EventDay[] {
  const days: EventDay[] = [];
  for (const row of rows) {
    const date = astanaDateOf(row.startsAt);
    const last = days[days.length - 1];
    if (last && last.date === date) last.events.push(row);
    else days.push({ date, events: [row] });
  }
  return days;
}
