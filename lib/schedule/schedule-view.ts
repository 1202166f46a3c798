// The /schedule page's data: the selection from the URL, one page of events, or "now and next"
// at a moment (?at=2017-07-01T19:00, a wall-clock time in Astana), and what its feed covers.
import "server-only";
import { z } from "zod";
import { prisma, type Prisma } from "../db";
import { problemsFromZod, type ParameterProblem } from "../http/problems";
import { zonedTimeToUtc } from "../time/astana";
import { defaultExpoDay, EXPO_FIRST_DAY, EXPO_LAST_DAY, isExpoDay } from "../time/expo-dates";
import {
  describeSelection,
  parseEventFilters,
  readSearchParams,
  resolveEventFilters,
  type EventFilters,
  type ResolvedEventFilters,
} from "./event-filters";
import { eventRowSelect, type EventRow } from "./event-row";
import { encodeEventCursor, findEventPage, parsePaging } from "./list-events";
import type { DayCount } from "./search-programme";
import { searchEvents } from "./search-events";
import { applySearchScope } from "./search-scope";

const MOMENT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

export interface ScheduleMoment {
  /** As given, "2017-07-01T19:00". */
  local: string;
  date: string;
  instant: Date;
}

export const momentSchema = z.string().transform((value, ctx): ScheduleMoment => {
  const match = MOMENT.exec(value);
  if (!match || Number(match[2]) > 23 || Number(match[3]) > 59) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a date and time (use YYYY-MM-DDTHH:MM, Astana time)` });
    return z.NEVER;
  }
  if (!isExpoDay(match[1])) {
    ctx.addIssue({ code: "custom", message: `${value} is not during the expo (${EXPO_FIRST_DAY} to ${EXPO_LAST_DAY})` });
    return z.NEVER;
  }
  return { local: value, date: match[1], instant: zonedTimeToUtc(match[1], `${match[2]}:${match[3]}`) };
});


export const ALL_DAYS = "all";
export const SCHEDULE_PAGE_SIZE = 100;
/** "Now" looks back this far for events still running, so the query stays on the startsAt index. */
const LONGEST_EVENT_MS = 48 * 60 * 60 * 1000;
const NEXT_COUNT = 10;

type ScheduleSearchParams = Record<string, string | string[] | undefined>;

/** The form's values, echoed back so the page shows the selection it was asked for. */
export interface ScheduleForm {
  date: string;
  from: string;
  to: string;
  category: string;
  venue: string;
  programme: string;
  admission: string;
  q: string;
  at: string;
}

export type ScheduleMode =
  | { kind: "day"; date: string }
  | { kind: "range"; from?: string; to?: string }
  | { kind: "all" }
  | { kind: "moment"; moment: ScheduleMoment };

export interface ScheduleView {
  form: ScheduleForm;
  problems: ParameterProblem[];
  mode: ScheduleMode;
  filters: EventFilters;
  labels: ResolvedEventFilters["labels"];
  /** Events matching the selection (for the moment view: on now plus up next). */
  total: number;
  events: EventRow[];
  /** Cursor of the next page, when there is one. */
  nextCursor: string | null;
  onNow: EventRow[];
  upNext: EventRow[];
  /** For a search over several days: matches per Astana day (all pages), else empty. */
  dayCounts: DayCount[];
}

function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function formOf(params: ScheduleSearchParams, date: string): ScheduleForm {
  return {
    date,
    from: firstValue(params.from),
    to: firstValue(params.to),
    category: firstValue(params.category),
    venue: firstValue(params.venue),
    programme: firstValue(params.programme),
    admission: firstValue(params.admission),
    q: firstValue(params.q),
    at: firstValue(params.at),
  };
}

function emptyView(form: ScheduleForm, problems: ParameterProblem[], mode: ScheduleMode): ScheduleView {
  return { form, problems, mode, filters: { q: undefined }, labels: {}, total: 0, events: [], nextCursor: null, onNow: [], upNext: [], dayCounts: [] };
}

/**
 * /schedule: one Astana day by default (today during the expo, else opening day); every day when
 * the date is "all" or a search is given without a date; a date range with from/to; or "now and
 * next" at a moment (?at=). Reads one page, never the whole programme.
 */
export async function getScheduleView(requestParams: ScheduleSearchParams, now: Date = new Date()): Promise<ScheduleView> {
  const params = applySearchScope(requestParams);
  const special = readSearchParams(params, ["date", "at"]);
  const date = special.ok ? special.value.date : undefined;
  const atRaw = special.ok ? special.value.at : undefined;
  const problems: ParameterProblem[] = special.ok ? [] : [...special.details];

  // "all" is the page's own day-picker value, not a filter: the shared filter definition never sees it.
  // A moment replaces the day and range: its own day is shown.
  const filterParams: ScheduleSearchParams = { ...params };
  if (date === ALL_DAYS || atRaw) delete filterParams.date;
  if (atRaw) {
    delete filterParams.from;
    delete filterParams.to;
  }
  const filters = parseEventFilters(filterParams);
  const paging = parsePaging({ cursor: params.cursor }, SCHEDULE_PAGE_SIZE);
  let moment: ScheduleMoment | undefined;
  if (atRaw) {
    const parsed = momentSchema.safeParse(atRaw);
    if (parsed.success) moment = parsed.data;
    else problems.push(...problemsFromZod(parsed.error).map((p) => ({ ...p, parameter: "at" })));
  }
  if (!filters.ok) problems.push(...filters.details);
  if (!paging.ok) problems.push(...paging.details);

  const value: EventFilters = filters.ok ? filters.value : { q: undefined };
  let mode: ScheduleMode;
  if (moment) mode = { kind: "moment", moment };
  else if (value.date) mode = { kind: "day", date: value.date };
  else if (value.from || value.to) mode = { kind: "range", from: value.from, to: value.to };
  else if (date === ALL_DAYS || value.q) mode = { kind: "all" };
  else mode = { kind: "day", date: defaultExpoDay(now) };

  const pickerDate = mode.kind === "day" ? mode.date : mode.kind === "moment" ? mode.moment.date : ALL_DAYS;
  const form = formOf(params, pickerDate);
  if (problems.length || !filters.ok || !paging.ok) return emptyView(form, problems, mode);

  const selection: EventFilters = mode.kind === "day" ? { ...value, date: mode.date } : value;
  // A search (outside "now and next") is answered from the in-memory index (docs/decisions/024).
  if (selection.q && mode.kind !== "moment") {
    const found = await searchEvents(selection, paging.value, mode.kind !== "day");
    if (!found.ok) return emptyView(form, found.details, mode);
    const { labels, total, rows, next, dayCounts } = found.value;
    const nextCursor = next ? encodeEventCursor(next) : null;
    return { form, problems: [], mode, filters: selection, labels, total, events: rows, nextCursor, onNow: [], upNext: [], dayCounts };
  }
  const resolved = await resolveEventFilters(selection);
  if (!resolved.ok) return emptyView(form, resolved.details, mode);
  const { where, labels } = resolved.value;

  if (mode.kind === "moment") {
    const { onNow, upNext } = await findNowAndNext(where, mode.moment.instant);
    return { ...emptyView(form, [], mode), filters: selection, labels, total: onNow.length + upNext.length, onNow, upNext };
  }

  const [total, page] = await Promise.all([prisma.event.count({ where }), findEventPage(where, paging.value)]);
  return {
    form,
    problems: [],
    mode,
    filters: selection,
    labels,
    total,
    events: page.rows,
    nextCursor: page.next ? encodeEventCursor(page.next) : null,
    onNow: [],
    upNext: [],
    dayCounts: [],
  };
}

/** Events running at the instant, and the next few to start after it. */
export async function findNowAndNext(
  where: Prisma.EventWhereInput,
  instant: Date,
): Promise<{ onNow: EventRow[]; upNext: EventRow[] }> {
  const order: Prisma.EventOrderByWithRelationInput[] = [{ startsAt: "asc" }, { id: "asc" }];
  const [onNow, upNext] = await Promise.all([
    prisma.event.findMany({
      where: {
        AND: [where, { startsAt: { lte: instant, gte: new Date(instant.getTime() - LONGEST_EVENT_MS) } }, { endsAt: { gt: instant } }],
      },
      orderBy: order,
      take: SCHEDULE_PAGE_SIZE,
      select: eventRowSelect,
    }),
    prisma.event.findMany({
      where: { AND: [where, { startsAt: { gt: instant } }] },
      orderBy: order,
      take: NEXT_COUNT,
      select: eventRowSelect,
    }),
  ]);
  return { onNow, upNext };
}

/**
 * The filters a calendar feed of this selection keeps: never the single day being looked at (a
 * feed of one day, soon past, is of no use to a subscriber), so the feed spans every expo day
 * unless a from/to range is chosen. feedLabelOf says so.
 */
export function feedQueryOf(filters: EventFilters): Record<string, string | undefined> {
  return { ...feedFiltersOf(filters) };
}

function feedFiltersOf(filters: EventFilters): EventFilters {
  return {
    category: filters.category,
    venue: filters.venue,
    programme: filters.programme,
    admission: filters.admission,
    from: filters.from,
    to: filters.to,
    q: filters.q,
  };
}

/**
 * What the feed of feedQueryOf covers, in words, for the Subscribe panel: "Culture · all expo
 * days" while the page shows one day of culture, so nobody expects a feed of that day alone.
 */
export function feedLabelOf(filters: EventFilters, labels: ResolvedEventFilters["labels"]): string {
  const feedFilters = feedFiltersOf(filters);
  const parts = describeSelection(feedFilters, labels);
  const named = parts.length ? parts : ["The whole programme"];
  return [...named, ...(feedFilters.from || feedFilters.to ? [] : ["all expo days"])].join(" · ");
}
