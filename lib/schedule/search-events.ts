// A search answered from the in-memory index (./search-index.ts) with exactly the semantics of the
// SQL path (resolveEventFilters + findEventPage + count + countMatchesByDay): the same filters, the
// same word-contains match on the folded searchText, the same (startsAt, id) order and keyset
// cursor, the same per-day counts. tests/integration/search-in-memory.test.ts compares the two.
import "server-only";
import type { ParseResult } from "../http/problems";
import { filterTimeRange, searchWords, unknownSlugProblems, type EventFilters, type ResolvedEventFilters } from "./event-filters";
import { toEventJson, type EventJson, type EventRow } from "./event-row";
import type { EventCursor } from "./list-events";
import type { DayCount } from "./search-programme";
import { loadSearchIndex, type SearchIndex } from "./search-index";

export interface SearchPaging {
  limit: number;
  after?: EventCursor | null;
}

export interface SearchResult {
  labels: ResolvedEventFilters["labels"];
  /** Matches over all pages. */
  total: number;
  rows: EventRow[];
  /** Where the next page starts, or null on the last page. */
  next: EventCursor | null;
  /** Matches per Astana day over all pages, when asked for. */
  dayCounts: DayCount[];
}

/**
 * The rows that can hold every word: those of the rarest three-character piece of any word (a word
 * must contain each of its pieces), in ascending order; null when no word is long enough to tell
 * (every row is a candidate). Only narrows: each candidate is still checked word by word.
 */
function candidateRows(index: SearchIndex, words: string[]): Int32Array | null {
  let rarest: Int32Array | null = null;
  for (const word of words) {
    for (let i = 0; i + 3 <= word.length; i++) {
      const rows = index.trigrams.get(word.slice(i, i + 3));
      if (!rows) return new Int32Array(0);
      if (!rarest || rows.length < rarest.length) rarest = rows;
    }
  }
  return rarest;
}

/** Which rows of the index the filters select, or the slug problems (400) as resolveEventFilters reports them. */
function selectRows(index: SearchIndex, filters: EventFilters): ParseResult<{ positions: number[]; labels: SearchResult["labels"] }> {
  const category = filters.category ? index.categories.get(filters.category) : undefined;
  const venue = filters.venue ? index.venues.get(filters.venue) : undefined;
  const programme = filters.programme ? index.programmes.get(filters.programme) : undefined;
  const details = unknownSlugProblems(filters, { category, venue, programme });
  if (details.length) return { ok: false, details };
  const labels = { category: category?.name, venue: venue?.name, programme: programme?.name };

  const words = searchWords(filters.q);
  // A search of punctuation only has no words to look for: it matches nothing, not everything.
  if (filters.q && words.length === 0) return { ok: true, value: { positions: [], labels } };
  const { start, end } = filterTimeRange(filters);
  const startMs = start ? start.getTime() : -Infinity;
  const endMs = end ? end.getTime() : Infinity;
  const categoryColumn = category ? (category.parentId === null ? index.categoryId : index.subcategoryId) : null;
  const admission = filters.admission ? (filters.admission === "free" ? "FREE" : "TICKETED") : null;

  const positions: number[] = [];
  const candidates = candidateRows(index, words);
  const count = candidates ? candidates.length : index.rows.length;
  for (let next = 0; next < count; next++) {
    const at = candidates ? candidates[next] : next;
    const starts = index.startMs[at];
    if (starts < startMs || starts >= endMs) continue;
    if (categoryColumn && categoryColumn[at] !== category!.id) continue;
    if (venue && index.venueId[at] !== venue.id) continue;
    if (programme && index.programmeId[at] !== programme.id) continue;
    if (admission && index.admission[at] !== admission) continue;
    // The stored searchText and the words are folded alike (search-text.ts); SQL's LIKE '%word%'
    // on it is a case-sensitive substring test, which includes() is.
    const text = index.searchText[at];
    if (words.every((word) => text.includes(word))) positions.push(at);
  }
  return { ok: true, value: { positions, labels } };
}

/** Per Astana day, as countMatchesByDay (the positions are in start order, so a day's matches are adjacent). */
function countByDay(index: SearchIndex, positions: number[]): DayCount[] {
  const counts: DayCount[] = [];
  for (const at of positions) {
    const last = counts[counts.length - 1];
    if (last && last.date === index.day[at]) last.count++;
    else counts.push({ date: index.day[at], count: 1 });
  }
  return counts;
}

/** The first position (in `positions`) after the keyset cursor. */
function firstAfter(index: SearchIndex, positions: number[], after: EventCursor): number {
  const afterMs = after.startsAt.getTime();
  const found = positions.findIndex((at) => index.startMs[at] > afterMs || (index.startMs[at] === afterMs && index.ids[at] > after.id));
  return found < 0 ? positions.length : found;
}

/** One page of a selection from the index, its total and (when `withDayCounts`) its per-day counts. */
export function searchInIndex(
  index: SearchIndex,
  filters: EventFilters,
  { limit, after }: SearchPaging,
  withDayCounts: boolean,
): ParseResult<SearchResult> {
  const selected = selectRows(index, filters);
  if (!selected.ok) return selected;
  const { positions, labels } = selected.value;
  const from = after ? firstAfter(index, positions, after) : 0;
  const page = positions.slice(from, from + limit);
  const rows = page.map((at) => index.rows[at] as EventRow);
  const more = from + limit < positions.length;
  const last = rows[rows.length - 1];
  return {
    ok: true,
    value: {
      labels,
      total: positions.length,
      rows,
      next: more && last ? { startsAt: last.startsAt, id: last.id } : null,
      dayCounts: withDayCounts ? countByDay(index, positions) : [],
    },
  };
}

/** searchInIndex over the current programme version's index. */
export async function searchEvents(filters: EventFilters, paging: SearchPaging, withDayCounts = false): Promise<ParseResult<SearchResult>> {
  return searchInIndex(await loadSearchIndex(), filters, paging, withDayCounts);
}

// The index's rows are the same objects for a whole programme version, so each row's JSON (two
// Intl time-zone conversions, ~60 µs a row: most of a 50-row answer's time) is made once per row
// and public origin, and dropped with the index.
const jsonOfRow = new WeakMap<EventRow, { baseUrl: string; json: EventJson }>();

/** toEventJson for a row of a SearchResult, remembered per row. */
export function indexedEventJson(row: EventRow, baseUrl: string): EventJson {
  const known = jsonOfRow.get(row);
  if (known && known.baseUrl === baseUrl) return known.json;
  const json = toEventJson(row, baseUrl);
  jsonOfRow.set(row, { baseUrl, json });
  return json;
}
