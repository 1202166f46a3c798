// The one definition of a schedule selection, shared by /schedule, GET /api/events and the public
// calendar feed: the same parameters, the same validation, the same SQL filter.
import { z } from "zod";
import { astanaDayRange, parseIsoDate } from "../time/astana";
import { EXPO_FIRST_DAY, EXPO_LAST_DAY, isExpoDay } from "../time/expo-dates";
import { foldedSearchWords } from "./search-text";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "./slug";

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

export interface ParameterProblem {
  parameter: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; details: ParameterProblem[] };

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

export function problemsFromZod(error: z.ZodError): ParameterProblem[] {
  return error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? "query"), message: issue.message }));
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
