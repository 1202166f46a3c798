import type { EventRow } from "@/lib/schedule/event-row";
import { groupByAstanaDay } from "@/lib/schedule/event-row";
import { longDayLabel } from "@/lib/time/format";
import { EventCard } from "./event-card";

/** Events as cards; grouped under a heading per Astana day when they span several days. */
export function EventList({
  events,
  byDay = false,
  showVenue = true,
}: {
  events: EventRow[];
  byDay?: boolean;
  showVenue?: boolean;
}) {
  if (!byDay) {
    // "event-list": the lists whose cards off screen skip their layout at load (decision 029).
    return (
      <ul className="card-list event-list">
        {events.map((event) => (
          <li key={event.id}>
            <EventCard event={event} showVenue={showVenue} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <>
      {groupByAstanaDay(events).map((day) => (
        <section key={day.date} aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`}>{longDayLabel(day.date)}</h2>
          <EventList events={day.events} showVenue={showVenue} />
        </section>
      ))}
    </>
  );
}
