import "server-only";
import { prisma, type Prisma } from "../db";
import { astanaDateOf, astanaDayRange } from "../time/astana";

export interface DayCount {
  /** Astana date, "YYYY-MM-DD". */
  date: string;
  count: number;
}

/**
 * How many events of a selection fall on each Astana day, in SQL: the reference the in-memory
 * search's per-day counts (./search-events.ts, which the pages and API use) are tested against. One query that reads only start times (at most the whole programme, ~3,100
 * instants); grouping by the Astana date happens here so the day boundary is the one the rest of
 * the app uses (lib/time/astana.ts), not a second definition in SQL.
 */
export async function countMatchesByDay(where: Prisma.EventWhereInput): Promise<DayCount[]> {
  const rows = await prisma.event.findMany({ where, select: { startsAt: true }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] });
  const counts: DayCount[] = [];
  // Rows come in start order, so a new day begins only past the current day's end: one date
  // conversion per day, not per row (Intl formatting dominated the time otherwise).
  let dayEnd = 0;
  for (const row of rows) {
    const last = counts[counts.length - 1];
    if (last && row.startsAt.getTime() < dayEnd) {
      last.count++;
      continue;
    }
    const date = astanaDateOf(row.startsAt);
    dayEnd = astanaDayRange(date).end.getTime();
    counts.push({ date, count: 1 });
  }
  return counts;
}
