import { prisma } from "@/lib/db";
import { resolveEventFilters, type EventFilters } from "@/lib/schedule/event-filters";
import { findEventPage, type EventCursor } from "@/lib/schedule/list-events";
import { countMatchesByDay } from "@/lib/schedule/search-programme";
import { searchEvents, searchInIndex, type SearchResult } from "@/lib/schedule/search-events";
import { buildSearchIndex, type SearchIndex } from "@/lib/schedule/search-index";
import type { ParseResult } from "@/lib/http/problems";
import { resetTestEvents } from "../helpers/db";

afterEach(resetTestEvents);

/** The SQL path the in-memory search replaces: where-clause, one page, the count, the per-day counts. */
async function searchInSql(filters: EventFilters, paging: { limit: number; after?: EventCursor | null }): Promise<ParseResult<SearchResult>> {
  const resolved = await resolveEventFilters(filters);
  if (!resolved.ok) return resolved;
  const { where, labels } = resolved.value;
  const [total, page, dayCounts] = await Promise.all([prisma.event.count({ where }), findEventPage(where, paging), countMatchesByDay(where)]);
  return { ok: true, value: { labels, total, rows: page.rows, next: page.next, dayCounts } };
}

/** The pages of a selection (up to maxPages), following the cursor, from one path. */
async function allPages(
  search: (paging: { limit: number; after?: EventCursor | null }) => Promise<ParseResult<SearchResult>>,
  limit: number,
  maxPages = Infinity,
): Promise<ParseResult<SearchResult>[]> {
  const pages: ParseResult<SearchResult>[] = [];
  let after: EventCursor | null = null;
  while (pages.length < maxPages) {
    const page: ParseResult<SearchResult> = await search({ limit, after });
    pages.push(page);
    if (!page.ok || !page.value.next) return pages;
    after = page.value.next;
  }
  return pages;
}

const CASES: [string, EventFilters][] = [
  ["one word over the whole programme", { q: "concert" }],
  ["two words, one of them digits", { q: "concert 17" }],
  ["Cyrillic", { q: "Астана опера" }],
  ["hyphenated capitals", { q: "ASTANA-OPERA" }],
  ["a diacritic", { q: "Plácido" }],
  ["the accent left out", { q: "placido domingo" }],
  ["an apostrophe", { q: "Mahler's" }],
  ["nothing matches", { q: "zzzznothing" }],
  ["punctuation only", { q: "- % _" }],
  ["a LIKE wildcard", { q: "%" }],
  ["a day", { q: "concert", date: "2017-08-14" }],
  ["a range", { q: "opera", from: "2017-07-01", to: "2017-07-15" }],
  ["from only", { q: "tent", from: "2017-08-20" }],
  ["a top-level category", { q: "astana", category: "culture" }],
  ["a subcategory", { q: "astana", category: "opera" }],
  ["a venue", { q: "e", venue: "nur-alem" }],
  ["a programme", { q: "pakistan", programme: "pakistan-day" }],
  ["free admission", { q: "concert", admission: "free" }],
  ["ticketed", { q: "a", admission: "ticketed" }],
  ["no words at all", {}],
  ["an unknown venue and programme", { q: "concert", venue: "no-such-venue", programme: "no-such-programme" }],
];

describe("the in-memory search", () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await buildSearchIndex();
  });

  it("holds the whole programme in (startsAt, id) order", async () => {
    expect(index.rows.length).toEqual(await prisma.event.count());
    expect(index.rows.map((row) => row.id)).toEqual(
      (await prisma.event.findMany({ select: { id: true }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] })).map((row) => row.id),
    );
  });

  it.each(CASES)("finds what the SQL search finds, page by page, with the same total and per-day counts: %s", async (_name, filters) => {
    // Small pages for the cursor's edges (the first few), the API's largest for the whole selection.
    for (const [limit, maxPages] of [[7, 4], [200, Infinity]]) {
      const inSql = await allPages((paging) => searchInSql(filters, paging), limit, maxPages);
      const inMemory = await allPages(async (paging) => searchInIndex(index, filters, paging, true), limit, maxPages);
      expect(inMemory).toEqual(inSql);
    }
  });

  it("leaves out the per-day counts unless asked", () => {
    const result = searchInIndex(index, { q: "concert" }, { limit: 5 }, false);
    expect(result.ok && result.value.dayCounts).toEqual([]);
  });

  it("pages through events that start together in id order, and shows a change on the next search", async () => {
    const [category, venue] = await Promise.all([
      prisma.category.findFirstOrThrow({ where: { parentId: null }, select: { id: true } }),
      prisma.venue.findFirstOrThrow({ select: { id: true } }),
    ]);
    const startsAt = new Date("2017-07-02T13:00:00.000Z");
    await prisma.event.createMany({
      data: ["a", "b", "c"].map((suffix) => ({
        slug: `test-memory-same-start-${suffix}`,
        uid: `test-memory-same-start-${suffix}@expo2017-schedule`,
        title: `Same start ${suffix}`,
        categoryId: category.id,
        venueId: venue.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3600_000),
        source: "GENERATED" as const,
        searchText: `zzmemorysame ${suffix}`,
      })),
    });

    const pages = await allPages((paging) => searchEvents({ q: "zzmemorysame" }, paging, true), 2);

    expect(pages).toEqual(await allPages((paging) => searchInSql({ q: "zzmemorysame" }, paging), 2));
    expect(pages.flatMap((page) => (page.ok ? page.value.rows.map((row) => row.slug) : []))).toEqual([
      "test-memory-same-start-a",
      "test-memory-same-start-b",
      "test-memory-same-start-c",
    ]);
  });
});
