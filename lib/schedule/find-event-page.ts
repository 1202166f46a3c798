import "server-only";
import { prisma, type Prisma } from "../db";
import type { EventCursor } from "./event-cursor";
import { eventRowSelect, type EventRow } from "./event-row";

export interface EventPage {
  rows: EventRow[];
  /** Where the next page starts, or null on the last page. */
  next: EventCursor | null;
}

/**
 * One page of events in (startsAt, id) order — keyset paging, served by Event_startsAt_id_idx or by
 * the filter's own (column, startsAt) index. Asks for one row more than the limit to learn whether
 * another page exists.
 */
export async function findEventPage(
  where: Prisma.EventWhereInput,
  { limit, after }: { limit: number; after?: EventCursor | null },
): Promise<EventPage> {
  const afterCursor: Prisma.EventWhereInput | undefined = after
    ? { OR: [{ startsAt: { gt: after.startsAt } }, { startsAt: after.startsAt, id: { gt: after.id } }] }
    : undefined;
  const rows = await prisma.event.findMany({
    where: afterCursor ? { AND: [where, afterCursor] } : where,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: eventRowSelect,
  });
  if (rows.length <= limit) return { rows, next: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: { startsAt: last.startsAt, id: last.id } };
}
