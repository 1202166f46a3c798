import "server-only";
import { prisma } from "../db";
import { isSlug, nationalDayPath } from "../http/paths";
import { eventRowSelect, toEventJson, type EventJson, type EventRow } from "./event-row";

// A national day is a Programme row of kind NATIONAL_DAY with its timeline and events: another
// country's day is data, not code. Pakistan Day also has its own short address (lib/http/paths.ts).

function isoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export interface NationalDaySummary {
  slug: string;
  name: string;
  country: string | null;
  date: string | null;
}

export async function listNationalDays(): Promise<NationalDaySummary[]> {
  const rows = await prisma.programme.findMany({
    where: { kind: "NATIONAL_DAY" },
    select: { slug: true, name: true, country: true, date: true },
    orderBy: [{ date: "asc" }, { name: "asc" }],
  });
  return rows.map((row) => ({ ...row, date: isoDate(row.date) }));
}

export interface NationalDay extends NationalDaySummary {
  summary: string;
  timeline: { date: string; dateLabel: string; text: string }[];
  events: EventRow[];
}

/** The day, its timeline and its events: two queries (events by Event_programmeId_startsAt_idx). */
export async function getNationalDay(slug: string): Promise<NationalDay | null> {
  if (!isSlug(slug)) return null;
  const programme = await prisma.programme.findFirst({
    where: { slug, kind: "NATIONAL_DAY" },
    select: {
      id: true,
      slug: true,
      name: true,
      country: true,
      date: true,
      summary: true,
      timeline: { select: { date: true, dateLabel: true, text: true }, orderBy: { position: "asc" } },
    },
  });
  if (!programme) return null;
  const events = await prisma.event.findMany({
    where: { programmeId: programme.id },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: eventRowSelect,
  });
  return {
    slug: programme.slug,
    name: programme.name,
    country: programme.country,
    date: isoDate(programme.date),
    summary: programme.summary,
    timeline: programme.timeline.map((entry) => ({ ...entry, date: isoDate(entry.date)! })),
    events,
  };
}

export interface NationalDayJson extends NationalDaySummary {
  summary: string;
  url: string;
  timeline: { date: string; dateLabel: string; text: string }[];
  events: EventJson[];
}

export function toNationalDayJson(day: NationalDay, baseUrl: string): NationalDayJson {
  return {
    slug: day.slug,
    name: day.name,
    country: day.country,
    date: day.date,
    summary: day.summary,
    url: `${baseUrl}${nationalDayPath(day.slug)}`,
    timeline: day.timeline,
    events: day.events.map((row) => toEventJson(row, baseUrl)),
  };
}
