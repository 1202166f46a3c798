import Link from "next/link";
import { getExpoOverview } from "@/lib/schedule/expo-overview";

export const dynamic = "force-dynamic";

function formatDay(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export default async function HomePage() {
  const overview = await getExpoOverview();
  return (
    <>
      <h1>EXPO 2017 Astana</h1>
      <p>
        Future Energy — the world expo in Astana, Kazakhstan, from {formatDay(overview.firstDay)} to{" "}
        {formatDay(overview.lastDay)}. Opera, ballet, concerts, exhibitions, world championships and national days across
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
            <span className="muted">{formatDay(event.date)}</span> <Link href={`/events/${event.slug}`}>{event.title}</Link>{" "}
            <span className="muted">· {event.venue}</span>
          </li>
        ))}
      </ul>
      <h2>Find your way</h2>
      <ul>
        <li>
          <Link href="/schedule">Browse the schedule</Link> by day, venue, category or words
        </li>
        <li>
          <Link href="/venues">Venues</Link>: pavilions, tents, sectors, arenas and theatres
        </li>
        {overview.nationalDays.map((day) => (
          <li key={day.slug}>
            <Link href={day.slug === "pakistan-day" ? "/pakistan-day" : `/national-days/${day.slug}`}>{day.name}</Link>
            {day.date ? ` — ${formatDay(day.date)}` : null}
          </li>
        ))}
        <li>
          <Link href="/itinerary">My itinerary</Link>: save events, see clashes, export to your calendar
        </li>
      </ul>
    </>
  );
}
