import "server-only";
import {
  canonicalSearch,
  EVENT_FILTER_KEYS,
  parseEventFilters,
  type EventFilters,
  type ParseResult,
} from "../schedule/event-filters";
import { resolveEventFilters } from "../schedule/resolve-event-filters";
import { selectionCalendarName } from "./calendar-name";
import { feedBuildQueue } from "./feed-build-queue";
import { feedCache, type StoredFeed } from "./feed-cache";
import { readProgrammeVersion } from "./feed-versions";
import { loadFeedEvents } from "./load-feed-events";

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
  const [resolved, version] = await Promise.all([resolveEventFilters(selection), readProgrammeVersion()]);
  if (!resolved.ok) return resolved;
  const { filters, where, labels } = resolved.value;
  const query = canonicalSelectionQuery(filters).toString();
  const feed = await feedCache.get(`public ${baseUrl} ${query}`, version, () =>
    // Bounded: sliced, one at a time, shared by selections with the same events (feed-build-queue.ts).
    feedBuildQueue.render(
      { name: selectionCalendarName(filters, labels), baseUrl, pageUrl: `${baseUrl}/schedule${query ? `?${query}` : ""}` },
      () => loadFeedEvents(where),
    ),
  );
  return { ok: true, value: feed };
}
