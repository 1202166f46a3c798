// What a list of events selects (one query with its relations, never one per event), how an
// event appears in the JSON API, and how a list is grouped by Astana day.
import type { Prisma } from "../db";
import { eventPath } from "../http/paths";
import { astanaDateOf, toZonedTime } from "../time/astana";

export const eventRowSelect = {
  id: true,
  slug: true,
  title: true,
  performers: true,
  startsAt: true,
  endsAt: true,
  status: true,
  admission: true,
  timeIsIllustrative: true,
  category: { select: { slug: true, name: true } },
  subcategory: { select: { slug: true, name: true } },
  venue: { select: { slug: true, name: true } },
  programme: { select: { slug: true, name: true } },
} satisfies Prisma.EventSelect;

export type EventRow = Prisma.EventGetPayload<{ select: typeof eventRowSelect }>;

export interface EventJson {
  slug: string;
  title: string;
  /** Top-level category slug ("culture", "sport", "national-day", "ceremony"). */
  category: string;
  /** Sub-type slug ("opera", "boxing", ...), when the event has one. */
  subcategory: string | null;
  /** ISO 8601 in UTC. */
  startsAt: string;
  endsAt: string;
  /** Astana wall-clock time with the offset of that date ("2017-08-14T19:00:00+06:00"). */
  localStart: string;
  localEnd: string;
  venue: { slug: string; name: string };
  programme: string | null;
  status: "scheduled" | "cancelled";
  admission: "free" | "ticketed" | "unknown";
  /** True when the source gives no time and the time shown is illustrative. */
  timeIsIllustrative: boolean;
  url: string;
}

export function toEventJson(row: EventRow, baseUrl: string): EventJson {
  return {
    slug: row.slug,
    title: row.title,
    category: row.category.slug,
    subcategory: row.subcategory?.slug ?? null,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    localStart: toZonedTime(row.startsAt).iso,
    localEnd: toZonedTime(row.endsAt).iso,
    venue: { slug: row.venue.slug, name: row.venue.name },
    programme: row.programme?.slug ?? null,
    status: row.status === "CANCELLED" ? "cancelled" : "scheduled",
    admission: row.admission === "FREE" ? "free" : row.admission === "TICKETED" ? "ticketed" : "unknown",
    timeIsIllustrative: row.timeIsIllustrative,
    url: `${baseUrl}${eventPath(row.slug)}`,
  };
}

export interface EventDay {
  /** "YYYY-MM-DD" in Astana. */
  date: string;
  events: EventRow[];
}

/** Groups events already in time order by their Astana day. */
export function groupByAstanaDay<T extends { startsAt: Date }>(rows: T[]): { date: string; events: T[] }[] {
  const days: { date: string; events: T[] }[] = [];
  for (const row of rows) {
    const date = astanaDateOf(row.startsAt);
    const last = days[days.length - 1];
    if (last && last.date === date) last.events.push(row);
    else days.push({ date, events: [row] });
  }
  return days;
}
