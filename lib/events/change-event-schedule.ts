import "server-only";
import { prisma } from "../db";
import { buildSearchText } from "../seed/build-search-text";

// Organisers' changes that calendar clients must notice. iCalendar clients only replace a copy
// they already hold when SEQUENCE goes up, so every change of time, venue or status raises it,
// and a change that alters nothing raises nothing.

export interface ScheduleChange {
  startsAt?: Date;
  endsAt?: Date;
  venueId?: number;
  status?: "SCHEDULED" | "CANCELLED";
}

export class EventChangeError extends Error {}

export interface ScheduleChangeResult {
  changed: ("startsAt" | "endsAt" | "venueId" | "status")[];
  sequence: number;
}

export async function changeEventSchedule(eventId: number, change: ScheduleChange): Promise<ScheduleChangeResult> {
  return prisma.$transaction(async (tx) => {
    // Row lock: two organisers changing the same event both raise SEQUENCE, in order.
    await tx.$executeRaw`SELECT 1 FROM "Event" WHERE "id" = ${eventId} FOR UPDATE`;
    const current = await tx.event.findUnique({
      where: { id: eventId },
      select: { startsAt: true, endsAt: true, venueId: true, status: true, sequence: true, title: true, description: true, performers: true },
    });
    if (!current) throw new EventChangeError(`No event with id ${eventId}`);
    const startsAt = change.startsAt ?? current.startsAt;
    const endsAt = change.endsAt ?? current.endsAt;
    if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) throw new EventChangeError("Not a valid time");
    if (endsAt.getTime() <= startsAt.getTime()) throw new EventChangeError("The event must end after it starts");

    const changed: ScheduleChangeResult["changed"] = [];
    if (startsAt.getTime() !== current.startsAt.getTime()) changed.push("startsAt");
    if (endsAt.getTime() !== current.endsAt.getTime()) changed.push("endsAt");
    if (change.venueId !== undefined && change.venueId !== current.venueId) changed.push("venueId");
    if (change.status !== undefined && change.status !== current.status) changed.push("status");
    if (changed.length === 0) return { changed, sequence: current.sequence };

    let searchText: string | undefined;
    if (changed.includes("venueId")) {
      const venue = await tx.venue.findUnique({ where: { id: change.venueId }, select: { name: true } });
      if (!venue) throw new EventChangeError(`No venue with id ${change.venueId}`);
      searchText = buildSearchText(current, venue.name);
    }
    const updated = await tx.event.update({
      where: { id: eventId },
      data: {
        startsAt,
        endsAt,
        ...(change.venueId !== undefined && { venueId: change.venueId }),
        ...(change.status !== undefined && { status: change.status }),
        ...(searchText !== undefined && { searchText }),
        sequence: { increment: 1 },
      },
      select: { sequence: true },
    });
    return { changed, sequence: updated.sequence };
  });
}

/** Moves an event to another time. */
export function rescheduleEvent(eventId: number, startsAt: Date, endsAt: Date): Promise<ScheduleChangeResult> {
  return changeEventSchedule(eventId, { startsAt, endsAt });
}

export function moveEventToVenue(eventId: number, venueId: number): Promise<ScheduleChangeResult> {
  return changeEventSchedule(eventId, { venueId });
}

/** Cancelled events stay in every feed with STATUS:CANCELLED, so calendars remove them visibly. */
export function cancelEvent(eventId: number): Promise<ScheduleChangeResult> {
  return changeEventSchedule(eventId, { status: "CANCELLED" });
}

export function reinstateEvent(eventId: number): Promise<ScheduleChangeResult> {
  return changeEventSchedule(eventId, { status: "SCHEDULED" });
}
