import "server-only";
import { prisma, type Prisma } from "../db";
import { filterTimeRange, searchWords, type EventFilters, type ParameterProblem, type ParseResult } from "./event-filters";

export interface ResolvedEventFilters {
  filters: EventFilters;
  where: Prisma.EventWhereInput;
  /** Names of the selected category, venue and programme, for headings and calendar names. */
  labels: { category?: string; venue?: string; programme?: string };
}

/** Prisma's `contains` becomes LIKE '%…%' without escaping: "%" or "_" in a search must match literally. */
export function escapeLikePattern(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Checks that the category, venue and programme slugs exist (one query each, in parallel) and
 * turns the filters into a Prisma where-clause. Unknown slugs are parameter problems (400).
 */
export async function resolveEventFilters(filters: EventFilters): Promise<ParseResult<ResolvedEventFilters>> {
  const [category, venue, programme] = await Promise.all([
    filters.category
      ? prisma.category.findUnique({ where: { slug: filters.category }, select: { id: true, name: true, parentId: true } })
      : null,
    filters.venue ? prisma.venue.findUnique({ where: { slug: filters.venue }, select: { id: true, name: true } }) : null,
    filters.programme
      ? prisma.programme.findUnique({ where: { slug: filters.programme }, select: { id: true, name: true } })
      : null,
  ]);
  const details: ParameterProblem[] = [];
  if (filters.category && !category) details.push({ parameter: "category", message: `unknown category "${filters.category}"` });
  if (filters.venue && !venue) details.push({ parameter: "venue", message: `unknown venue "${filters.venue}"` });
  if (filters.programme && !programme) {
    details.push({ parameter: "programme", message: `unknown programme "${filters.programme}"` });
  }
  if (details.length) return { ok: false, details };

  const and: Prisma.EventWhereInput[] = [];
  const { start, end } = filterTimeRange(filters);
  if (start || end) and.push({ startsAt: { ...(start && { gte: start }), ...(end && { lt: end }) } });
  if (category) and.push(category.parentId === null ? { categoryId: category.id } : { subcategoryId: category.id });
  if (venue) and.push({ venueId: venue.id });
  if (programme) and.push({ programmeId: programme.id });
  if (filters.admission) and.push({ admission: filters.admission === "free" ? "FREE" : "TICKETED" });
  const words = searchWords(filters.q);
  for (const word of words) and.push({ searchText: { contains: escapeLikePattern(word) } });
  // A search of punctuation only ("%", "-") has no words to look for: it matches nothing, not everything.
  if (filters.q && words.length === 0) and.push({ id: { in: [] } });

  return {
    ok: true,
    value: {
      filters,
      where: and.length ? { AND: and } : {},
      labels: { category: category?.name, venue: venue?.name, programme: programme?.name },
    },
  };
}
