// A public feed build's events, loaded so the event loop keeps turning (docs/decisions/012-…).
// loadFeedEvents selects the venue and categories as relations: Prisma stitches those in one
// synchronous step per query, about 0.1 ms per row on a loaded machine (a quarter of a second for
// the whole programme, measured), where flat columns cost a tenth of that. So here the events are
// read flat, in keyset pages, and joined in code to the venues and categories (52 and 33 rows,
// read once per build).
import "server-only";
import { prisma, type Prisma } from "../db";
import type { FeedEvent } from "./build-calendar";
import type { TimeSlicer } from "./time-slicer";

/**
 * Rows per page: Prisma maps a page's rows (a Date per timestamp) in one synchronous block, which
 * with 500 rows was the longest slice left in bench:feeds (88 ms of wall time, 17 ms of CPU, with
 * a scavenge of its garbage); 250 halves it for a few more round trips of a cached query plan.
 */
export const FEED_PAGE_ROWS = 250;

/** The event's own columns a feed writes: FEED_EVENT_SELECT (public-feed.ts) adds the relations. */
export const FEED_EVENT_COLUMNS = {
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
} satisfies Prisma.EventSelect;

// FEED_EVENT_SELECT with the relations as their foreign keys.
const FLAT_EVENT_SELECT = {
  ...FEED_EVENT_COLUMNS,
  venueId: true,
  categoryId: true,
  subcategoryId: true,
} satisfies Prisma.EventSelect;

type FlatEventRow = Prisma.EventGetPayload<{ select: typeof FLAT_EVENT_SELECT }>;

/**
 * The same events, in the same order and shape, as loadFeedEvents(where), in pages of
 * FEED_PAGE_ROWS on (startsAt, id) (the index Event_startsAt_id_idx), handing the event loop back
 * between pages. The page queries run one after the other on purpose: each starts after the last
 * row of the one before.
 */
export async function loadFeedEventsInPages(where: Prisma.EventWhereInput, slicer: TimeSlicer): Promise<FeedEvent[]> {
  const [venueRows, categoryRows] = await Promise.all([
    prisma.venue.findMany({ select: { id: true, name: true, address: true, latitude: true, longitude: true } }),
    prisma.category.findMany({ select: { id: true, name: true } }),
  ]);
  const venues = new Map(venueRows.map(({ id, ...venue }) => [id, venue]));
  const categoryNames = new Map(categoryRows.map((category) => [category.id, category.name]));
  const toFeedEvent = ({ venueId, categoryId, subcategoryId, ...event }: FlatEventRow): FeedEvent => {
    const venue = venues.get(venueId);
    const category = categoryNames.get(categoryId);
    const subcategory = subcategoryId === null ? undefined : categoryNames.get(subcategoryId);
    // Foreign keys: an event added between the two reads is the only way to miss one.
    if (!venue || category === undefined || (subcategoryId !== null && subcategory === undefined)) {
      throw new Error(`Event ${event.id} refers to a venue or category that was not loaded`);
    }
    return { ...event, venue, categories: subcategory === undefined ? [category] : [category, subcategory] };
  };

  const events: FeedEvent[] = [];
  for (let last: FlatEventRow | undefined; ; ) {
    const after: Prisma.EventWhereInput | undefined = last && {
      OR: [{ startsAt: { gt: last.startsAt } }, { startsAt: last.startsAt, id: { gt: last.id } }],
    };
    const rows = await prisma.event.findMany({
      where: after ? { AND: [where, after] } : where,
      select: FLAT_EVENT_SELECT,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: FEED_PAGE_ROWS,
    });
    await slicer.yieldNow();
    for (const row of rows) events.push(toFeedEvent(row));
    if (rows.length < FEED_PAGE_ROWS) return events;
    last = rows[rows.length - 1];
  }
}
