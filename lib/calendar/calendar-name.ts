// X-WR-CALNAME: what a subscriber sees in the calendar list, so it names the selection
// ("EXPO 2017 — Pakistan Day") rather than the site.
import type { EventFilters } from "../schedule/event-filters";
import { parseIsoDate } from "../time/astana";
import { feedText } from "./feed-text";

export const CALENDAR_NAME_PREFIX = "EXPO 2017";
const MAX_NAME_LENGTH = 120;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function shortDate(isoDate: string): string {
  const d = parseIsoDate(isoDate);
  return d ? `${d.day} ${MONTHS[d.month - 1]} ${d.year}` : isoDate;
}

/** "Pakistan Day at EXPO 2017" reads badly after the prefix; the programme's own name is kept otherwise. */
function withoutExpoSuffix(name: string): string {
  return name.replace(/\s+at EXPO 2017$/i, "");
}

export interface SelectionLabels {
  category?: string;
  venue?: string;
  programme?: string;
}

export function calendarName(parts: string[]): string {
  const cleaned = parts.map(feedText).filter((part) => part.length > 0);
  const name = `${CALENDAR_NAME_PREFIX} — ${cleaned.length ? cleaned.join(", ") : "Full programme"}`;
  return name.length <= MAX_NAME_LENGTH ? name : `${name.slice(0, MAX_NAME_LENGTH - 1).trimEnd()}…`;
}

/** The name of a schedule selection: programme, category, venue, admission, dates, search words. */
export function selectionCalendarName(filters: EventFilters, labels: SelectionLabels): string {
  return calendarName(selectionNameParts(filters, labels));
}

/** The parts of a selection's name, in that order; empty for the whole programme. */
export function selectionNameParts(filters: EventFilters, labels: SelectionLabels): string[] {
  const parts: string[] = [];
  if (labels.programme) parts.push(withoutExpoSuffix(labels.programme));
  if (labels.category) parts.push(labels.category);
  if (labels.venue) parts.push(labels.venue);
  if (filters.admission) parts.push(filters.admission === "free" ? "free admission" : "ticketed");
  if (filters.date) parts.push(shortDate(filters.date));
  if (filters.from && filters.to) parts.push(`${shortDate(filters.from)} to ${shortDate(filters.to)}`);
  else if (filters.from) parts.push(`from ${shortDate(filters.from)}`);
  else if (filters.to) parts.push(`until ${shortDate(filters.to)}`);
  if (filters.q) parts.push(`“${filters.q}”`);
  return parts;
}

export const ITINERARY_CALENDAR_NAME = calendarName(["My itinerary"]);
