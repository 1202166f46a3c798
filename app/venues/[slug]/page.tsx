import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EventList } from "@/components/event-list";
import { SubscribeToFeed } from "@/components/subscribe-to-feed";
import { TimeZoneSwitch } from "@/components/time-zone-switch";
import { venueKindLabel } from "@/lib/schedule/venues";
import { cachedVenueSchedule as getVenueSchedule } from "@/lib/schedule/cached-reads";
import { longDayLabel } from "@/lib/time/format";
import { mapHref, VENUES_PATH } from "@/lib/http/paths";

type Params = Promise<{ slug: string }>;

const loadVenue = cache(getVenueSchedule);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const schedule = await loadVenue((await params).slug);
  if (!schedule) return { title: "Venue not found" };
  const { venue } = schedule;
  const description = venue.description || `${venueKindLabel(venue.kind)} at EXPO 2017, ${venue.address}`;
  return { title: venue.name, description, openGraph: { title: venue.name, description } };
}

export default async function VenuePage({ params }: { params: Params }) {
  const schedule = await loadVenue((await params).slug);
  if (!schedule) notFound();
  const { venue, days, eventCount } = schedule;
  return (
    <>
      <p className="no-print">
        <Link href={VENUES_PATH}>← All venues</Link>
      </p>
      <h1>{venue.name}</h1>
      <p>
        <strong>{venueKindLabel(venue.kind)}</strong> · {venue.address}
      </p>
      {venue.description ? <p>{venue.description}</p> : null}
      <p className="muted">
        Location: {venue.latitude.toFixed(4)}, {venue.longitude.toFixed(4)} ·{" "}
        <Link href={mapHref({ venue: venue.slug })}>Show on map</Link>
      </p>
      <TimeZoneSwitch />
      <p role="status">
        {eventCount} {eventCount === 1 ? "event" : "events"} on {days.length} {days.length === 1 ? "day" : "days"}
      </p>
      <SubscribeToFeed query={{ venue: venue.slug }} label={venue.name} />
      {days.length ? (
        <details className="day-index no-print">
          <summary>Jump to a day</summary>
          <ul>
            {days.map((day) => (
              <li key={day.date}>
                <a href={`#day-${day.date}`}>{longDayLabel(day.date).replace(/ 2017$/, "")}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="empty-state">No events are scheduled at this venue.</p>
      )}
      <EventList events={days.flatMap((day) => day.events)} byDay showVenue={false} />
    </>
  );
}
