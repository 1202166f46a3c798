import "server-only";
// Reminders: one alarm per saved event in the private feed and the itinerary download, chosen on
// /itinerary. "walk+10" gives each event the walk from the venue of the saved event before it that
// day (lib/itinerary/schedule-checks.ts: straight line at 4.5 km/h plus 5 minutes) and 10 minutes
// more; the first event of a day, with no venue to walk from, gets the 10 minutes alone.
import { prisma } from "../db";
import type { ReminderChoice } from "../generated/prisma/enums";
import { astanaDateOf } from "../time/astana";
import { bodyProblems, problem, type Outcome } from "../http/problems";
import { walkingMinutes, type PlannedVenue } from "./schedule-checks";
import { reminderBodySchema, type ReminderValue } from "./share-schema";

export const WALK_REMINDER_EXTRA_MINUTES = 10;

const TO_CHOICE: Record<ReminderValue, ReminderChoice> = {
  none: "NONE",
  "15": "MINUTES_15",
  "30": "MINUTES_30",
  "60": "MINUTES_60",
  "walk+10": "WALK_PLUS_10",
};
const FROM_CHOICE = Object.fromEntries(Object.entries(TO_CHOICE).map(([value, choice]) => [choice, value])) as Record<
  ReminderChoice,
  ReminderValue
>;

/** The visitor's reminder; "none" until they choose one. */
export async function readReminder(userId: string): Promise<ReminderValue> {
  const row = await prisma.reminderSetting.findUnique({ where: { userId }, select: { choice: true } });
  return row ? FROM_CHOICE[row.choice] : "none";
}

/** PUT /api/reminders with `{"reminder": "30"}`: stores the choice (an upsert, so repeats are harmless). */
export async function setReminder(userId: string, body: unknown): Promise<Outcome> {
  const parsed = reminderBodySchema.safeParse(body ?? {});
  if (!parsed.success) return problem(400, "The request body is not valid.", bodyProblems(parsed.error));
  const choice = TO_CHOICE[parsed.data.reminder];
  await prisma.reminderSetting.upsert({ where: { userId }, create: { userId, choice }, update: { choice }, select: { userId: true } });
  return { status: 200, body: { reminder: parsed.data.reminder } };
}

/** What a reminder needs of an event; the calendar's feed events have these fields. */
export interface RemindedEvent {
  uid: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  venue: { name: string; latitude: number; longitude: number };
}

function venueOf(event: RemindedEvent): PlannedVenue {
  // Feed events carry no venue slug; the name identifies a venue just as well for "same venue".
  return { slug: event.venue.name, name: event.venue.name, latitude: event.venue.latitude, longitude: event.venue.longitude };
}

/**
 * Minutes before its start that each event's alarm fires, keyed by UID. Cancelled events get no
 * alarm (nobody should leave for them). Pure.
 */
export function reminderMinutes(events: readonly RemindedEvent[], reminder: ReminderValue): Map<string, number> {
  const minutes = new Map<string, number>();
  if (reminder === "none") return minutes;
  const active = events.filter((event) => event.status !== "CANCELLED");
  if (reminder !== "walk+10") {
    for (const event of active) minutes.set(event.uid, Number(reminder));
    return minutes;
  }
  // Grouped by Astana day first (one date conversion per event), so the search for the previous
  // event stays within a day's handful of saves however long the itinerary is.
  const byDay = new Map<string, RemindedEvent[]>();
  for (const event of active) {
    const day = astanaDateOf(event.startsAt);
    const list = byDay.get(day);
    if (list) list.push(event);
    else byDay.set(day, [event]);
  }
  for (const dayEvents of byDay.values()) {
    for (const event of dayEvents) {
      // Where the visitor comes from: of that day's events over by this one's start, the last to end.
      let from: RemindedEvent | undefined;
      for (const other of dayEvents) {
        if (other === event || other.endsAt.getTime() > event.startsAt.getTime()) continue;
        if (!from || other.endsAt.getTime() > from.endsAt.getTime()) from = other;
      }
      const walk = from ? walkingMinutes(venueOf(from), venueOf(event)) : 0;
      minutes.set(event.uid, walk + WALK_REMINDER_EXTRA_MINUTES);
    }
  }
  return minutes;
}

/** The events with their alarms attached, ready for renderCalendar. */
export function withReminders<T extends RemindedEvent>(events: readonly T[], reminder: ReminderValue): (T & { alarmMinutesBefore?: number })[] {
  const minutes = reminderMinutes(events, reminder);
  return events.map((event) => (minutes.has(event.uid) ? { ...event, alarmMinutesBefore: minutes.get(event.uid) } : event));
}
