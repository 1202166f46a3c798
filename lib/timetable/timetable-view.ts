import "server-only";
import { prisma } from "../db";
import { problemsFromZod, type ParameterProblem } from "../http/problems";
import { parseEventFilters, readSearchParams, resolveEventFilters, type EventFilters } from "../schedule/event-filters";
import { momentSchema, type ScheduleMoment } from "../schedule/schedule-view";
import { astanaDayRange } from "../time/astana";
import { defaultExpoDay } from "../time/expo-dates";
import { layoutTimetable, type TimetableLayout } from "./layout";

/** The longest event the grid looks back for when it starts the previous day (as the schedule's "now"). */
const LONGEST_EVENT_MS = 48 * 60 * 60 * 1000;
/** A grid of one day; the range and paging parameters of /schedule do not apply to it. */
const NOT_FOR_THE_GRID = ["from", "to", "cursor"];

type SearchParams = Record<string, string | string[] | undefined>;

export interface TimetableView {
  date: string;
  /** The selection as given, for links and the form (date and at included). */
  query: Record<string, string>;
  filters: EventFilters;
  moment: ScheduleMoment | null;
  problems: ParameterProblem[];
  layout: TimetableLayout | null;
  /** Every venue with events that day (hidden ones too), for the show/hide choices. */
  venues: { slug: string; name: string; hidden: boolean }[];
  eventCount: number;
  savedCount: number;
}

const venueSelect = { slug: true, name: true, kind: true, latitude: true, longitude: true } as const;

/**
 * /timetable: one Astana day of events matching the schedule's filters, laid out by venue. Three
 * queries at most: the filter slugs, the day's events, and the visitor's saved events of that day.
 */
export async function getTimetableView(
  params: SearchParams,
  options: { userId: string | null; hidden: ReadonlySet<string>; now?: Date },
): Promise<TimetableView> {
  const special = readSearchParams(params, ["date", "at"]);
  const problems: ParameterProblem[] = special.ok ? [] : [...special.details];
  const filterParams: SearchParams = Object.fromEntries(Object.entries(params).filter(([key]) => !NOT_FOR_THE_GRID.includes(key)));
  const atRaw = special.ok ? special.value.at : undefined;
  delete filterParams.at;
  let moment: ScheduleMoment | null = null;
  if (atRaw) {
    const parsed = momentSchema.safeParse(atRaw);
    if (parsed.success) moment = parsed.data;
    else problems.push(...problemsFromZod(parsed.error).map((p) => ({ ...p, parameter: "at" })));
  }
  // ?at= alone shows its own day, as on /schedule.
  if (moment && !filterParams.date) filterParams.date = moment.date;
  const parsed = parseEventFilters(filterParams);
  if (!parsed.ok) problems.push(...parsed.details);
  const filters: EventFilters = parsed.ok ? parsed.value : { q: undefined };
  const date = filters.date ?? defaultExpoDay(options.now);
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...filterParams, at: atRaw, date })) {
    if (typeof value === "string" && value) query[key] = value;
  }
  const empty: TimetableView = { date, query, filters, moment, problems, layout: null, venues: [], eventCount: 0, savedCount: 0 };
  if (problems.length) return empty;

  // The schedule's where-clause without its day: the grid also shows events begun the evening before.
  const resolved = await resolveEventFilters({ ...filters, date: undefined });
  if (!resolved.ok) return { ...empty, problems: resolved.details };
  const day = astanaDayRange(date);
  const inDay = {
    startsAt: { lt: day.end, gte: new Date(day.start.getTime() - LONGEST_EVENT_MS) },
    endsAt: { gt: day.start },
  };
  const [rows, saved] = await Promise.all([
    prisma.event.findMany({
      where: { AND: [resolved.value.where, inDay] },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: { slug: true, title: true, startsAt: true, endsAt: true, status: true, venue: { select: venueSelect } },
    }),
    options.userId
      ? prisma.savedEvent.findMany({ where: { userId: options.userId, event: inDay }, select: { event: { select: { slug: true } } } })
      : [],
  ]);
  const events = rows.map((row) => ({ ...row, cancelled: row.status === "CANCELLED", venue: row.venue }));
  const savedSlugs = new Set(saved.map((row) => row.event.slug));
  const layout = layoutTimetable(events, { date, saved: savedSlugs, at: moment?.instant, hidden: options.hidden });

  const venues = new Map<string, { slug: string; name: string; hidden: boolean }>();
  for (const event of events) venues.set(event.venue.slug, { slug: event.venue.slug, name: event.venue.name, hidden: options.hidden.has(event.venue.slug) });
  return {
    ...empty,
    layout,
    venues: [...venues.values()].sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true })),
    eventCount: layout.blocks.length,
    savedCount: layout.blocks.filter((block) => block.saved).length,
  };
}
