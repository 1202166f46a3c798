import Link from "next/link";
import { cachedExpoOverview as getExpoOverview } from "@/lib/schedule/cached-reads";
import { eventPath, ITINERARY_PATH, nationalDayPath, SCHEDULE_PATH, VENUES_PATH } from "@/lib/http/paths";
import { dateLabel } from "@/lib/time/format";

export default async function HomePage() {
  const overview = await getExpoOverview();
  return (
    <>
      <h1>EXPO 2017 Astana</h1>
      <p>
        Future Energy — the world expo in Astana, Kazakhstan, from {dateLabel(overview.firstDay)} to{" "}
        {dateLabel(overview.lastDay)}. Opera, ballet, concerts, exhibitions, world championships and national days across
        pavilions, 20 tents, 13 sectors, arenas and theatres.
      </p>
      <ul className="stats" aria-label="The expo in numbers">
        <li>
          <strong>{overview.days}</strong> days
        </li>
        <li>
          <strong>{overview.events.toLocaleString("en-GB")}</strong> events
        </li>
        <li>
          <strong>{overview.venues}</strong> venues
        </li>
        <li>
          <strong>{overview.nationalDays.length}</strong> national {overview.nationalDays.length === 1 ? "day" : "days"}
        </li>
      </ul>
      <h2>Highlights</h2>
      <ul className="highlights">
        {overview.highlights.map((event) => (
          <li key={event.slug}>
            <span className="muted">{dateLabel(event.date)}</span> <Link href={eventPath(event.slug)} prefetch={false}>{event.title}</Link>{" "}
            <span className="muted">· {event.venue}</span>
          </li>
        ))}
      </ul>
      <h2>Find your way</h2>
      <ul>
        <li>
          <Link href={SCHEDULE_PATH} prefetch={false}>Browse the schedule</Link> by day, venue, category or words
        </li>
        <li>
          <Link href={VENUES_PATH} prefetch={false}>Venues</Link>: pavilions, tents, sectors, arenas and theatres
        </li>
        {overview.nationalDays.map((day) => (
          <li key={day.slug}>
            <Link href={nationalDayPath(day.slug)} prefetch={false}>{day.name}</Link>
            {day.date ? ` — ${dateLabel(day.date)}` : null}
          </li>
        ))}
        <li>
          <Link href={ITINERARY_PATH} prefetch={false}>My itinerary</Link>: save events, see clashes, export to your calendar
        </li>
      </ul>
    </>
  );
}
