import type { Metadata } from "next";
import Link from "next/link";
import { ChangedSinceSaved } from "@/components/admin-changed-since-saved";
import { EventTime } from "@/components/event-time";
import { ItineraryEntryActions } from "@/components/itinerary-entry-actions";
import { ItineraryPrintButton } from "@/components/itinerary-print-button";
import { PrivateFeedPanel } from "@/components/private-feed-panel";
import { ReminderPicker } from "@/components/reminder-picker";
import { ShareItineraryPanel } from "@/components/share-itinerary-panel";
import { TimeZoneSwitch } from "@/components/time-zone-switch";
import styles from "@/components/itinerary.module.css";
import { requireUser } from "@/lib/auth/session";
import { readPrivateFeedState } from "@/lib/calendar/private-feed";
import { eventPath, ITINERARY_PATH, mapHref, SCHEDULE_PATH, timetableHref } from "@/lib/http/paths";
import { describeWalkWarning, getItinerary, type ItineraryEntry } from "@/lib/itinerary/get-itinerary";
import { readReminder } from "@/lib/itinerary/reminders";
import { listItineraryShares } from "@/lib/itinerary/share-itinerary";
import { longDayLabel } from "@/lib/time/format";
import { privateFeedAction, reminderAction, removeEventAction, saveNoteAction, shareLinksAction } from "./actions";

export const metadata: Metadata = { title: "My itinerary", robots: { index: false } };

function EntryCard({ entry }: { entry: ItineraryEntry }) {
  const cancelled = entry.status === "cancelled";
  return (
    <li id={`saved-${entry.slug}`} className={`card ${styles.entry}`}>
      <p className={styles.time} style={{ margin: 0 }}>
        {/* The schedule's own time component: "18:00–20:00 Astana, UTC+6", or the visitor's chosen zone. */}
        <EventTime start={entry.startsAt} end={entry.endsAt} />
        {entry.timeIsIllustrative ? <span className="muted"> · time not announced, shown as a guide</span> : null}
      </p>
      <h3 className={cancelled ? styles.cancelled : undefined}>
        <Link href={eventPath(entry.slug)} prefetch={false}>{entry.title}</Link>
      </h3>
      <p style={{ margin: 0 }}>{entry.venue.name}</p>
      {cancelled ? <p className={styles.flag}>Cancelled: this event will not take place.</p> : null}
      {entry.conflictsWith.map((other) => (
        <p key={other.slug} className={styles.flag}>
          Conflict: overlaps with <a href={`#saved-${other.slug}`}>{other.title}</a>
        </p>
      ))}
      {entry.walkWarning ? <p className={styles.warning}>{describeWalkWarning(entry.walkWarning)}</p> : null}
      {entry.note ? <p className={styles.printNote}>Note: {entry.note}</p> : null}
      <ItineraryEntryActions slug={entry.slug} title={entry.title} note={entry.note} saveNote={saveNoteAction} remove={removeEventAction} />
    </li>
  );
}

export default async function ItineraryPage() {
  const user = await requireUser(ITINERARY_PATH);
  // Everything the panels show, read here at once: no panel asks the API after load.
  const [itinerary, feed, reminder, shares] = await Promise.all([
    getItinerary(user.id),
    readPrivateFeedState(user.id),
    readReminder(user.id),
    listItineraryShares(user.id),
  ]);
  const count = itinerary.entries.length;
  return (
    <>
      <h1>My itinerary</h1>
      <ChangedSinceSaved userId={user.id} />
      {count > 0 ? <TimeZoneSwitch /> : null}
      <p>
        {count === 0
          ? "Nothing saved yet."
          : `${count} saved event${count === 1 ? "" : "s"}${
              itinerary.conflictCount ? `, ${itinerary.conflictCount} with a time conflict` : ""
            }.`}
      </p>
      {count === 0 ? (
        <p>
          Browse the <Link href={SCHEDULE_PATH} prefetch={false}>schedule</Link> and choose “Save to itinerary” on the events you want to see.
        </p>
      ) : (
        <p className="no-print">
          <ItineraryPrintButton />
        </p>
      )}
      {itinerary.days.map((day) => (
        <section key={day.date} className={styles.day} aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`}>{longDayLabel(day.date)}</h2>
          <p className="no-print">
            <Link href={mapHref({ routeDate: day.date })} prefetch={false}>Show my day on the map</Link> ·{" "}
            <Link href={timetableHref({ date: day.date })} prefetch={false}>Timetable of the day</Link>
          </p>
          <ul className="card-list">
            {day.entries.map((entry) => (
              <EntryCard key={entry.slug} entry={entry} />
            ))}
          </ul>
        </section>
      ))}
      <div className="no-print" style={{ marginTop: "2rem" }}>
        <PrivateFeedPanel initial={{ feed }} action={privateFeedAction} />
        <ReminderPicker initial={{ reminder }} action={reminderAction} />
        <ShareItineraryPanel days={itinerary.days.map((day) => day.date)} initial={{ shares }} action={shareLinksAction} />
      </div>
    </>
  );
}
