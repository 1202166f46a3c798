// Changes to an event that calendar clients must notice, in one place for the seed's sync and for
// organisers' edits. iCalendar clients only replace a copy they already hold when SEQUENCE goes up,
// so every change of time, venue or status raises it, and a change that alters nothing raises
// nothing (docs/decisions/003-feed-uids.md).
import { prisma } from "../db";
import { foldForSearch } from "../schedule/search-text";

/** A change to any of these is a change of time, place or status: calendars must see a new SEQUENCE. */
export const SCHEDULING_FIELDS = ["startsAt", "endsAt", "venueId", "status"] as const;
export type SchedulingField = (typeof SCHEDULING_FIELDS)[number];

/** Whether a change of these fields must raise SEQUENCE. */
export function bumpsSequence(changed: readonly string[]): boolean {
  return changed.some((field) => (SCHEDULING_FIELDS as readonly string[]).includes(field));
}

export type Comparable = string | number | boolean | Date | null | readonly string[];

/** Names of the fields whose wanted value differs from the stored row (dates by instant, arrays by items). */
export function changedFields<W extends Record<string, Comparable>>(row: NoInfer<W>, wanted: W): (keyof W & string)[] {
  return (Object.keys(wanted) as (keyof W & string)[]).filter((field) => !sameValue(row[field], wanted[field]));
}

function sameValue(a: Comparable, b: Comparable): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}

/**
 * The text the trigram index searches: title, description, performers and venue name, folded as
 * the search folds its words (lower case, no accents, punctuation as spaces; lib/schedule/search-text.ts).
 * A change here reaches existing rows at the next `npm run db:seed`: the sync compares searchText.
 */
export function buildSearchText(event: { title: string; description: string; performers: readonly string[] }, venueName: string): string {
  return foldForSearch([event.title, event.description, ...event.performers, venueName].join(" "));
}

export interface ScheduleChange {
  startsAt?: Date;
  endsAt?: Date;
  venueId?: number;
  status?: "SCHEDULED" | "CANCELLED";
}

export class EventChangeError extends Error {}

export interface ScheduleChangeResult {
  changed: SchedulingField[];
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

    const wanted = {
      startsAt,
      endsAt,
      venueId: change.venueId ?? current.venueId,
      status: change.status ?? current.status,
    } satisfies Record<SchedulingField, Comparable>;
    const changed = changedFields(current, wanted);
    if (!bumpsSequence(changed)) return { changed, sequence: current.sequence };

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
