// The whole programme as a search needs it, held in memory once per programme version
// (docs/decisions/024-search-in-memory.md). A search nobody asked before used to cost a trigram/LIKE
// query, a count and a per-day count query (each a Prisma round trip, ~1 ms of CPU and more of
// waiting); the programme is ~3,100 events, so scanning its folded text in memory takes less than
// one of those round trips. The index is built by one query for the events and one for each of the
// three small slug tables, through cachedRead, so a programme change (LISTEN/NOTIFY, decision 017)
// replaces it like any other public read.
import "server-only";
import { prisma } from "../db";
import { cachedRead } from "../cache/programme-reads";
import { astanaDateOf, astanaDayRange } from "../time/astana";
import { eventRowSelect, type EventRow } from "./event-row";

interface Named {
  id: number;
  name: string;
}

export interface SearchIndex {
  /** Every event, in the order every list uses: (startsAt, id). Shared by all answers: never mutate. */
  rows: readonly EventRow[];
  /** Per row, at the same position: the filter fields, and searchText as stored (already folded). */
  searchText: readonly string[];
  startMs: Float64Array;
  /** Astana date of each start ("YYYY-MM-DD"), for the per-day counts. */
  day: readonly string[];
  ids: Int32Array;
  categoryId: Int32Array;
  /** -1 where the event has none (as programmeId). */
  subcategoryId: Int32Array;
  venueId: Int32Array;
  programmeId: Int32Array;
  admission: readonly string[];
  /**
   * For each three-character piece of the folded texts, the positions (ascending) of the rows whose
   * searchText holds it. A word of three characters or more can only occur in rows that hold every
   * piece of it, so a search checks the rows of its rarest piece instead of all ~3,100 texts
   * (scanning them all was a fifth of a search's CPU time).
   */
  trigrams: ReadonlyMap<string, Int32Array>;
  categories: ReadonlyMap<string, Named & { parentId: number | null }>;
  venues: ReadonlyMap<string, Named>;
  programmes: ReadonlyMap<string, Named>;
}

const indexSelect = {
  ...eventRowSelect,
  searchText: true,
  categoryId: true,
  subcategoryId: true,
  venueId: true,
  programmeId: true,
} as const;

function trigramPostings(texts: string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  texts.forEach((text, at) => {
    for (let i = 0; i + 3 <= text.length; i++) {
      const piece = text.slice(i, i + 3);
      const list = lists.get(piece);
      if (!list) lists.set(piece, [at]);
      else if (list[list.length - 1] !== at) list.push(at);
    }
  });
  return new Map([...lists].map(([piece, list]) => [piece, Int32Array.from(list)]));
}

/** Reads the programme and lays it out for scanning. Exported for tests; callers use loadSearchIndex. */
export async function buildSearchIndex(): Promise<SearchIndex> {
  const [events, categories, venues, programmes] = await Promise.all([
    prisma.event.findMany({ select: indexSelect, orderBy: [{ startsAt: "asc" }, { id: "asc" }] }),
    prisma.category.findMany({ select: { slug: true, id: true, name: true, parentId: true } }),
    prisma.venue.findMany({ select: { slug: true, id: true, name: true } }),
    prisma.programme.findMany({ select: { slug: true, id: true, name: true } }),
  ]);
  const count = events.length;
  const index: SearchIndex = {
    rows: [],
    searchText: events.map((event) => event.searchText),
    startMs: new Float64Array(count),
    day: [],
    ids: new Int32Array(count),
    categoryId: new Int32Array(count),
    subcategoryId: new Int32Array(count),
    venueId: new Int32Array(count),
    programmeId: new Int32Array(count),
    admission: events.map((event) => event.admission),
    trigrams: trigramPostings(events.map((event) => event.searchText)),
    categories: new Map(categories.map(({ slug, ...rest }) => [slug, rest])),
    venues: new Map(venues.map(({ slug, ...rest }) => [slug, rest])),
    programmes: new Map(programmes.map(({ slug, ...rest }) => [slug, rest])),
  };
  const rows: EventRow[] = [];
  const day: string[] = [];
  // Rows come in start order, so a new day begins only past the current day's end: one date
  // conversion per day, not per row (as countMatchesByDay; Intl formatting is the costly part).
  let date = "";
  let dayEnd = -Infinity;
  events.forEach((event, at) => {
    const { searchText, categoryId, subcategoryId, venueId, programmeId, ...row } = event;
    void searchText;
    rows.push(row);
    if (event.startsAt.getTime() >= dayEnd) {
      date = astanaDateOf(event.startsAt);
      dayEnd = astanaDayRange(date).end.getTime();
    }
    day.push(date);
    index.startMs[at] = event.startsAt.getTime();
    index.ids[at] = event.id;
    index.categoryId[at] = categoryId;
    index.subcategoryId[at] = subcategoryId ?? -1;
    index.venueId[at] = venueId;
    index.programmeId[at] = programmeId ?? -1;
  });
  return { ...index, rows, day };
}

/** The index of the current programme version, built on the first search after a change. */
export function loadSearchIndex(): Promise<SearchIndex> {
  return cachedRead("search-index", buildSearchIndex);
}
