import "server-only";
import { prisma } from "../db";
import { EXPO_FIRST_DAY, EXPO_LAST_DAY, listExpoDays } from "../time/expo-dates";

export interface ExpoOverview {
  firstDay: string;
  lastDay: string;
  days: number;
  events: number;
  venues: number;
  nationalDays: { slug: string; name: string; date: string | null }[];
}

export async function getExpoOverview(): Promise<ExpoOverview> {
  const [events, venues, nationalDays] = await Promise.all([
    prisma.event.count(),
    prisma.venue.count(),
    prisma.programme.findMany({
      where: { kind: "NATIONAL_DAY" },
      select: { slug: true, name: true, date: true },
      orderBy: { date: "asc" },
    }),
  ]);
  return {
    firstDay: EXPO_FIRST_DAY,
    lastDay: EXPO_LAST_DAY,
    days: listExpoDays().length,
    events,
    venues,
    nationalDays: nationalDays.map((p) => ({ slug: p.slug, name: p.name, date: p.date?.toISOString().slice(0, 10) ?? null })),
  };
}
