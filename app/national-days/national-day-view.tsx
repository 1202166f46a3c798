import Link from "next/link";
import { EventList } from "@/components/event-list";
import { SubscribeToFeed } from "@/components/subscribe-to-feed";
import { TimeZoneSwitch } from "@/components/time-zone-switch";
import type { NationalDay } from "@/lib/schedule/national-days";
import { scheduleHref } from "@/lib/http/paths";
import { longDayLabel } from "@/lib/time/format";

/** A national day's page: the same for every country, driven by its Programme row. */
export function NationalDayView({ day }: { day: NationalDay }) {
  return (
    <>
      <h1>{day.name}</h1>
      {day.date ? (
        <p className="lead">
          <strong>{longDayLabel(day.date)}</strong>
          {day.country ? ` · ${day.country}` : null}
        </p>
      ) : null}
      {day.summary ? <p>{day.summary}</p> : null}
      <TimeZoneSwitch />
      <section aria-labelledby="programme-heading">
        <h2 id="programme-heading">Programme of the day</h2>
        <p role="status">
          {day.events.length} {day.events.length === 1 ? "event" : "events"}
        </p>
        <SubscribeToFeed query={{ programme: day.slug }} label={day.name} />
        {day.events.length ? (
          <EventList events={day.events} />
        ) : (
          <p className="empty-state">No events are scheduled for this day yet.</p>
        )}
        {day.date ? (
          <p>
            <Link href={scheduleHref({ date: day.date })}>Everything else on {longDayLabel(day.date)}</Link>
          </p>
        ) : null}
      </section>
      {day.timeline.length ? (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{day.country ? `Kazakhstan and ${day.country}: a timeline` : "Timeline"}</h2>
          <ol className="timeline">
            {day.timeline.map((entry) => (
              <li key={`${entry.date}-${entry.dateLabel}`}>
                <time dateTime={entry.date}>{entry.dateLabel}</time>
                <p>{entry.text}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
