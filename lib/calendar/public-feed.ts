// The public feeds: any schedule selection (/calendar/expo-2017.ics?programme=pakistan-day) and one
// event ("Add to calendar"), and the query that loads a feed's events. Built once per programme
// version and then served from the feed cache (docs/decisions/006-feed-caching.md).
import "server-only";
import { prisma, type Prisma } from "../db";
import { absoluteUrl, eventPath, isSlug, SCHEDULE_PATH } from "../http/paths";
import type { ParseResult } from "../http/problems";
import {
  canonicalSearch,
  describeSelection,
  EVENT_FILTER_KEYS,
  parseEventFilters,
  resolveEventFilters,
  type EventFilters,
  type ResolvedEventFilters,
} from "../schedule/event-filters";
import { renderCalendarWithinBudget, type FeedEvent } from "./build-calendar";
import { feedBuildQueue } from "./feed-build-queue";
import { FEED_EVENT_COLUMNS, loadFeedEventsInPages } from "./load-feed-events-in-pages";
import { feedCache, type StoredFeed } from "./feed-cache";
import { calendarName } from "./feed-text";
import { cachedRead, programmeVersion } from "../cache/programme-reads";

// Only the columns a feed writes; venue and categories come with the events in the same call.
export const FEED_EVENT_SELECT = {
  ...FEED_EVENT_COLUMNS,
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

/** The name of a schedule selection: programme, category, venue, admission, dates, search words. */
export function selectionCalendarName(filters: EventFilters, labels: ResolvedEventFilters["labels"]): string {
  return calendarName(describeSelection(filters, labels));
}

/** The selection in a fixed order, so "?venue=a&category=b" and "?category=b&venue=a" share one feed. */
export function canonicalSelectionQuery(filters: EventFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of EVENT_FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) query.set(key, value);
  }
  return query;
}

/**
 * The public feed for any schedule selection (the same parameters and validation as /schedule and
 * /api/events). Parameter problems come back as details for a 400.
 */
export async function getPublicFeed(params: URLSearchParams, baseUrl: string): Promise<ParseResult<StoredFeed>> {
  const parsed = parseEventFilters(params);
  if (!parsed.ok) return parsed;
  // The stored feed is keyed by the selection, so every spelling of the same search must give the
  // same key (and the same calendar name): otherwise "q=mahler", "q=Mahler", "q=mahler+mahler"…
  // would each build and store the feed again, on demand of whoever sends them.
  const selection: EventFilters = { ...parsed.value, q: canonicalSearch(parsed.value.q) };
  // Version first, then the (cached) slug lookups: no query per request while LISTEN is up.
  const version = await programmeVersion.current();
  const resolved = await cachedRead(`feed-filters ${JSON.stringify(selection)}`, () => resolveEventFilters(selection));
  if (!resolved.ok) return resolved;
  const { filters, where, labels } = resolved.value;
  const query = canonicalSelectionQuery(filters).toString();
  const feed = await feedCache.get(`public ${baseUrl} ${query}`, version, () =>
    // Bounded: sliced, one at a time, shared by selections with the same events (feed-build-queue.ts).
    feedBuildQueue.render(
      {
        name: selectionCalendarName(filters, labels),
        baseUrl,
        pageUrl: absoluteUrl(baseUrl, query ? `${SCHEDULE_PATH}?${query}` : SCHEDULE_PATH),
      },
      (slicer) => loadFeedEventsInPages(where, slicer),
    ),
  );
  return { ok: true, value: feed };
}

/** One event as a calendar (the "Add to calendar" download); null when there is no such event. */
export async function getEventFeed(slug: string, baseUrl: string): Promise<StoredFeed | null> {
  if (!isSlug(slug)) return null;
  const version = await programmeVersion.current();
  return feedCache.get(`event ${baseUrl} ${slug}`, version, async () => {
    const events = await loadFeedEvents({ slug });
    if (events.length === 0) return null;
    return renderCalendarWithinBudget({
      name: calendarName([events[0].title]),
      baseUrl,
      pageUrl: absoluteUrl(baseUrl, eventPath(slug)),
      events,
    });
  });
}
