import Link from "next/link";
import type { EventRow } from "@/lib/schedule/event-row";
import { scheduleHref, type ScheduleLinkValues } from "@/lib/http/paths";
import { groupByAstanaDay } from "@/lib/schedule/event-row";
import type { DayCount } from "@/lib/schedule/search-programme";
import { longDayLabel, shortDayLabel } from "@/lib/time/format";
import { EventCard } from "./event-card";
import styles from "./search-results.module.css";

function eventsText(count: number): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? "event" : "events"}`;
}

/**
 * A search over several days: first every day with matches and its count (each a link that
 * narrows the search to that day), then this page's matches under a heading per day, with the
 * searched words marked.
 */
export function SearchResults({
  events,
  dayCounts,
  words,
  values,
}: {
  events: EventRow[];
  dayCounts: DayCount[];
  words: readonly string[];
  values: ScheduleLinkValues;
}) {
  const countOf = new Map(dayCounts.map((day) => [day.date, day.count]));
  const dayHref = (date: string) => scheduleHref({ ...values, date, cursor: undefined });
  return (
    <>
      {dayCounts.length > 1 ? (
        <nav aria-label="Matches by day" className="no-print">
          <ul className={styles.days}>
            {dayCounts.map((day) => (
              <li key={day.date}>
                <Link href={dayHref(day.date)} prefetch={false}>
                  {shortDayLabel(day.date)} ({day.count})
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {groupByAstanaDay(events).map((day) => (
        <section key={day.date} aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`} className={styles.dayHeading}>
            {longDayLabel(day.date)}
            <small>
              {eventsText(countOf.get(day.date) ?? day.events.length)}
              {" · "}
              <Link href={dayHref(day.date)} className="no-print" prefetch={false}>
                Only this day
              </Link>
            </small>
          </h2>
          <ul className="card-list">
            {day.events.map((event) => (
              <li key={event.id}>
                <EventCard event={event} highlight={words} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
