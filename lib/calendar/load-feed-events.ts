import "server-only";
import { prisma, type Prisma } from "../db";
import type { FeedEvent } from "./build-calendar";

// Only the columns a feed writes; venue and categories come with the events in the same call.
export const FEED_EVENT_SELECT = {
  id: true,
  uid: true,
  slug: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  status: true,
  sequence: true,
  updatedAt: true,
  venue: { select: { name: true, address: true, latitude: true, longitude: true } },
  category: { select: { name: true } },
  subcategory: { select: { name: true } },
} satisfies Prisma.EventSelect;

type FeedEventRow = Prisma.EventGetPayload<{ select: typeof FEED_EVENT_SELECT }>;

export function toFeedEvent(row: FeedEventRow): FeedEvent {
  const { category, subcategory, ...event } = row;
  return { ...event, categories: subcategory ? [category.name, subcategory.name] : [category.name] };
}

/** A selection's events in programme order (start time, then id, so ties never reorder). */
export async function loadFeedEvents(where: Prisma.EventWhereInput): Promise<FeedEvent[]> {
  const rows = await prisma.event.findMany({
    where,
    select: FEED_EVENT_SELECT,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toFeedEvent);
}

/** A visitor's saved events, cancelled ones included (they stay in the feed as STATUS:CANCELLED). */
export async function loadSavedFeedEvents(userId: string): Promise<FeedEvent[]> {
  return loadFeedEvents({ savedBy: { some: { userId } } });
}
