// The one definition of a schedule selection, shared by /schedule, GET /api/events and the public
// calendar feed: the same parameters, the same validation, the same SQL filter.
// It is checked in two steps: the format (parseEventFilters, pure) and then whether the slugs exist
// (resolveEventFilters, which also builds the Prisma where-clause).
import "server-only";
import { z } from "zod";
import { prisma, type Prisma } from "../db";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "../http/paths";
import { problemsFromZod, type ParameterProblem, type ParseResult } from "../http/problems";
import { astanaDayRange, parseIsoDate } from "../time/astana";
import { EXPO_FIRST_DAY, EXPO_LAST_DAY, isExpoDay } from "../time/expo-dates";
import { mediumDayLabel } from "../time/format";

import { foldedSearchWords } from "./search-text";

export const MAX_QUERY_LENGTH = 200;

const expoDay = z.string().superRefine((value, ctx) => {
  if (!parseIsoDate(value)) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a date (use YYYY-MM-DD)` });
  } else if (!isExpoDay(value)) {
    ctx.addIssue({ code: "custom", message: `${value} is outside the expo (${EXPO_FIRST_DAY} to ${EXPO_LAST_DAY})` });
  }
});

/** PostgreSQL text cannot hold NUL, and no event text holds control characters (tabs and newlines are fine). */
function hasControlCharacters(value: string): boolean {
  for (const character of value) {
    const code = character.charCodeAt(0);
    if ((code < 32 && character !== "\t" && character !== "\n" && character !== "\r") || code === 127) return true;
  }
  return false;
}

const slug = (what: string) => z.string().regex(SLUG_PATTERN, `is not a ${what} slug`).max(MAX_SLUG_LENGTH);

export const eventFiltersSchema = z
  .object({
    date: expoDay.optional(),
    from: expoDay.optional(),
    to: expoDay.optional(),
    category: slug("category").optional(),
    venue: slug("venue").optional(),
    programme: slug("programme").optional(),
    admission: z.enum(["free", "ticketed"], { error: 'must be "free" or "ticketed"' }).optional(),
    q: z
      .string()
      .trim()
      .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
      .refine((value) => !hasControlCharacters(value), "must not contain control characters")
      .optional()
      .transform((value) => (value ? value : undefined)),
  })
  .superRefine((filters, ctx) => {
    if (filters.from && filters.to && filters.from > filters.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `is before from (${filters.from})` });
    }
    if (filters.date && (filters.from || filters.to)) {
      ctx.addIssue({ code: "custom", path: ["date"], message: "cannot be combined with from/to" });
    }
  });

// q's transform makes zod infer it as required-but-undefined; callers may simply leave it out.
export type EventFilters = Omit<z.infer<typeof eventFiltersSchema>, "q"> & { q?: string };
export const EVENT_FILTER_KEYS = ["date", "from", "to", "category", "venue", "programme", "admission", "q"] as const;

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** Reads a query string into plain values; a parameter given twice is a problem, not a silent pick. */
export function readSearchParams(
  params: SearchParamsLike,
  keys: readonly string[],
): ParseResult<Record<string, string | undefined>> {
  const values: Record<string, string | undefined> = {};
  const details: ParameterProblem[] = [];
  for (const key of keys) {
    const all = params instanceof URLSearchParams ? params.getAll(key) : ([] as string[]).concat(params[key] ?? []);
    if (all.length > 1) details.push({ parameter: key, message: "is given more than once" });
    else if (all.length === 1 && all[0] !== "") values[key] = all[0];
  }
  return details.length ? { ok: false, details } : { ok: true, value: values };
}

/** Validates the format of the filters; whether the slugs exist is checked by resolveEventFilters. */
export function parseEventFilters(params: SearchParamsLike): ParseResult<EventFilters> {
  const raw = readSearchParams(params, EVENT_FILTER_KEYS);
  if (!raw.ok) return raw;
  const parsed = eventFiltersSchema.safeParse(raw.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, details: problemsFromZod(parsed.error) };
}

/** The UTC range [start, end) that date or from/to select, if any. */
export function filterTimeRange(filters: EventFilters): { start?: Date; end?: Date } {
  if (filters.date) return astanaDayRange(filters.date);
  return {
    start: filters.from ? astanaDayRange(filters.from).start : undefined,
    end: filters.to ? astanaDayRange(filters.to).end : undefined,
  };
}

/** Folded words of q (case, accents, punctuation; search-text.ts); each must occur in the event's searchText (trigram index). */
export function searchWords(q: string | undefined): string[] {
  return foldedSearchWords(q);
}

/**
 * q reduced to what the search uses: its words (as searchWords reads them), without repeats, in a
 * fixed order. "Mahler", " mahler  MAHLER" and "mahler" select the same events and get the same
 * text, so a cache keyed on the selection (the public feeds) stores them once.
 */
export function canonicalSearch(q: string | undefined): string | undefined {
  const words = [...new Set(searchWords(q))].sort();
  return words.length ? words.join(" ") : undefined;
}

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

/** The filter's slugs that name nothing (given the rows found for them), as parameter problems. */
export function unknownSlugProblems(
  filters: EventFilters,
  found: { category: unknown; venue: unknown; programme: unknown },
): ParameterProblem[] {
  const details: ParameterProblem[] = [];
  if (filters.category && !found.category) details.push({ parameter: "category", message: `unknown category "${filters.category}"` });
  if (filters.venue && !found.venue) details.push({ parameter: "venue", message: `unknown venue "${filters.venue}"` });
  if (filters.programme && !found.programme) {
    details.push({ parameter: "programme", message: `unknown programme "${filters.programme}"` });
  }
  return details;
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
  const details = unknownSlugProblems(filters, { category, venue, programme });
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

/** "Pakistan Day at EXPO 2017" reads badly after a calendar's "EXPO 2017 — "; the name is kept otherwise. */
function withoutExpoSuffix(name: string): string {
  return name.replace(/\s+at EXPO 2017$/i, "");
}

/**
 * A selection in words, part by part: programme, category, venue, admission, dates, search words
 * (["Pakistan Day", "14 Aug 2017"]); empty for the whole programme. Calendar names and the
 * Subscribe panel's label are built from these parts.
 */
export function describeSelection(filters: EventFilters, labels: ResolvedEventFilters["labels"]): string[] {
  const parts: string[] = [];
  if (labels.programme) parts.push(withoutExpoSuffix(labels.programme));
  if (labels.category) parts.push(labels.category);
  if (labels.venue) parts.push(labels.venue);
  if (filters.admission) parts.push(filters.admission === "free" ? "free admission" : "ticketed");
  if (filters.date) parts.push(mediumDayLabel(filters.date));
  if (filters.from && filters.to) parts.push(`${mediumDayLabel(filters.from)} to ${mediumDayLabel(filters.to)}`);
  else if (filters.from) parts.push(`from ${mediumDayLabel(filters.from)}`);
  else if (filters.to) parts.push(`until ${mediumDayLabel(filters.to)}`);
  if (filters.q) parts.push(`“${filters.q}”`);
  return parts;
}
