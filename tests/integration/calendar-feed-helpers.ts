// Shared by the calendar integration tests: parse a feed with a real iCalendar parser (node-ical)
// and compare its events with the database.
import ical, { type VEvent } from "node-ical";
import { prisma, type Prisma } from "@/lib/db";

export function parseFeed(ics: string): { calendar: Record<string, unknown>; events: VEvent[] } {
  const parsed = ical.sync.parseICS(ics);
  const events = Object.values(parsed).filter((item): item is VEvent => item?.type === "VEVENT");
  return { calendar: (parsed.vcalendar ?? {}) as Record<string, unknown>, events };
}

export interface EventInstants {
  uid: string;
  start: string;
  end: string;
  status: string;
  sequence: number;
}

export function instantsOfFeed(events: VEvent[]): EventInstants[] {
  return events
    .map((event) => ({
      uid: event.uid,
      start: event.start.toISOString(),
      end: event.end?.toISOString() ?? "",
      status: event.status ?? "CONFIRMED",
      sequence: Number(event.sequence ?? 0),
    }))
    .sort((a, b) => a.uid.localeCompare(b.uid));
}

export async function instantsOfDatabase(where: Prisma.EventWhereInput): Promise<EventInstants[]> {
  const rows = await prisma.event.findMany({
    where,
    select: { uid: true, startsAt: true, endsAt: true, status: true, sequence: true },
  });
  return rows
    .map((row) => ({
      uid: row.uid,
      start: row.startsAt.toISOString(),
      end: row.endsAt.toISOString(),
      status: row.status === "CANCELLED" ? "CANCELLED" : "CONFIRMED",
      sequence: row.sequence,
    }))
    .sort((a, b) => a.uid.localeCompare(b.uid));
}
