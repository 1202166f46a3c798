import "server-only";
import { prisma } from "../db";
import { astanaDateOf } from "../time/astana";
import { EXPO_FIRST_DAY, EXPO_LAST_DAY, listExpoDays } from "../time/expo-dates";

/** How many of the article's headline events the home page lists. */
const HIGHLIGHT_COUNT = 12;

export interface ExpoOverview {
  firstDay: string;
  lastDay: string;
  days: number;
  events: number;
  venues: number;
  nationalDays: { slug: string; name: string; date: string | null }[];
  /** Headline events named by the source article, in programme order, each with its Astana date. */
  highlights: { slug: string; title: string; date: string; venue: string }[];
}

export async function getExpoOverview(): Promise<ExpoOverview> {
  const [events, venues, nationalDays, highlights] = await Promise.all([
    prisma.event.count(),
    prisma.venue.count(),
    prisma.programme.findMany({
      where: { kind: "NATIONAL_DAY" },
      select: { slug: true, name: true, date: true },
      orderBy: { date: "asc" },
    }),
    prisma.event.findMany({
      where: { source: "ARTICLE", status: "SCHEDULED" },
      select: { slug: true, title: true, startsAt: true, venue: { select: { name: true } } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: HIGHLIGHT_COUNT,
    }),
  ]);
  return {
    firstDay: EXPO_FIRST_DAY,
    lastDay: EXPO_LAST_DAY,
    days: listExpoDays().length,
    events,
    venues,
    nationalDays: nationalDays.map((p) => ({ slug: p.slug, name: p.name, date: p.date?.toISOString().slice(0, 10) ?? null })),
    highlights: highlights.map((event) => ({
      slug: event.slug,
      title: event.title,
      date: astanaDateOf(event.startsAt),
      venue: event.venue.name,
    })),
  };
}
