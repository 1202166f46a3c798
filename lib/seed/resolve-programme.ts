// Turns programme data into rows ready for the database: checks every cross-reference and converts
// Astana wall-clock times to UTC instants. All problems are collected, so one run lists them all.
import { astanaDayRange, parseIsoDate, zonedTimeToUtc } from "../time/astana";
import { EXPO_FIRST_DAY, EXPO_LAST_DAY, isExpoDay } from "../time/expo-dates";
import type { Admission, EventSource, EventStatus } from "../generated/prisma/enums";
import { buildSearchText } from "../programme/event-changes";
import { ProgrammeDataError } from "./programme-data-error";
import type { EventInput, ProgrammeData } from "./programme-schema";

export interface ResolvedEvent {
  slug: string;
  title: string;
  description: string;
  performers: string[];
  categorySlug: string;
  subcategorySlug: string | null;
  venueSlug: string;
  programmeSlug: string | null;
  startsAt: Date;
  endsAt: Date;
  status: EventStatus;
  admission: Admission;
  source: EventSource;
  timeIsIllustrative: boolean;
  searchText: string;
}

export function resolveProgramme(data: ProgrammeData): ResolvedEvent[] {
  const problems: string[] = [];
  for (const [label, records] of [
    ["venue", data.venues],
    ["category", data.categories],
    ["programme", data.programmes],
    ["event", data.events],
  ] as const) {
    for (const slug of duplicates(records.map((record) => record.slug))) problems.push(`${label} "${slug}" appears more than once`);
  }

  const venues = new Map(data.venues.map((venue) => [venue.slug, venue]));
  const categories = new Map(data.categories.map((category) => [category.slug, category]));
  const programmes = new Map(data.programmes.map((programme) => [programme.slug, programme]));

  for (const category of data.categories) {
    if (category.parent === undefined) continue;
    const parent = categories.get(category.parent);
    if (!parent) problems.push(`category "${category.slug}": unknown parent category "${category.parent}"`);
    else if (parent.parent !== undefined) problems.push(`category "${category.slug}": parent "${category.parent}" is itself a sub-type`);
  }
  for (const programme of data.programmes) {
    for (const position of duplicates(programme.timeline.map((entry) => String(entry.position)))) {
      problems.push(`programme "${programme.slug}": timeline position ${position} appears more than once`);
    }
  }

  const lastMoment = astanaDayRange(EXPO_LAST_DAY).end;
  const resolved: ResolvedEvent[] = [];
  for (const event of data.events) {
    const eventProblems: string[] = [];
    const venue = venues.get(event.venue);
    if (!venue) eventProblems.push(`unknown venue "${event.venue}"`);
    const category = categories.get(event.category);
    if (!category) eventProblems.push(`unknown category "${event.category}"`);
    else if (category.parent !== undefined) eventProblems.push(`category "${event.category}" is a sub-type; use its parent "${category.parent}"`);
    if (event.subcategory !== undefined) {
      const subcategory = categories.get(event.subcategory);
      if (!subcategory) eventProblems.push(`unknown subcategory "${event.subcategory}"`);
      else if (subcategory.parent !== event.category) {
        eventProblems.push(`subcategory "${event.subcategory}" does not belong to category "${event.category}"`);
      }
    }
    if (event.programme !== undefined) {
      const programme = programmes.get(event.programme);
      if (!programme) eventProblems.push(`unknown programme "${event.programme}"`);
      else if (programme.date !== undefined && programme.date !== event.date) {
        eventProblems.push(`falls on ${event.date}, not on the day of programme "${event.programme}" (${programme.date})`);
      }
    }

    const times = isExpoDay(event.date) ? eventTimes(event) : undefined;
    if (!times) eventProblems.push(`date ${event.date} is outside the expo (${EXPO_FIRST_DAY} to ${EXPO_LAST_DAY})`);
    else if (times.endsAt <= times.startsAt) eventProblems.push(`ends (${event.end}) at or before it starts (${event.start})`);
    else if (times.endsAt > lastMoment) eventProblems.push(`ends after the last expo day (${EXPO_LAST_DAY})`);

    if (eventProblems.length > 0 || !venue || !times) {
      problems.push(...eventProblems.map((problem) => `event "${event.slug}": ${problem}`));
      continue;
    }
    resolved.push({
      slug: event.slug,
      title: event.title,
      description: event.description,
      performers: event.performers,
      categorySlug: event.category,
      subcategorySlug: event.subcategory ?? null,
      venueSlug: event.venue,
      programmeSlug: event.programme ?? null,
      ...times,
      status: event.status,
      admission: event.admission,
      source: event.source,
      timeIsIllustrative: event.timeIsIllustrative,
      searchText: buildSearchText(event, venue.name),
    });
  }

  if (problems.length > 0) throw new ProgrammeDataError(problems);
  return resolved;
}

/** An `end` equal to `start` stays on the same day, so it fails the endsAt > startsAt check. */
function eventTimes(event: Pick<EventInput, "date" | "start" | "end">): { startsAt: Date; endsAt: Date } {
  const endDate = event.end < event.start ? nextDate(event.date) : event.date;
  return { startsAt: zonedTimeToUtc(event.date, event.start), endsAt: zonedTimeToUtc(endDate, event.end) };
}

function nextDate(date: string): string {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`Not a date: ${date}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day + 1)).toISOString().slice(0, 10);
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}
