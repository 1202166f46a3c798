import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddToCalendarLink } from "@/components/add-to-calendar-link";
import { EventHistory } from "@/components/admin-event-history";
import { EventList } from "@/components/event-list";
import { EventTime } from "@/components/event-time";
import { SaveEventButton } from "@/components/save-event-form";
import { TimeZoneSwitch } from "@/components/time-zone-switch";
import { sitePublicOrigin } from "@/lib/http/public-base-url";
import { eventJsonLd, serializeJsonLd } from "@/lib/schedule/event-detail";
import { cachedEventDetail as getEventDetail } from "@/lib/schedule/cached-reads";
import { eventPath, mapHref, nationalDayPath, scheduleHref, venuePath } from "@/lib/http/paths";
import { formatAstanaTime } from "@/lib/time/astana";
import { longDayLabel } from "@/lib/time/format";

type Params = Promise<{ slug: string }>;

// generateMetadata and the page ask for the same event: one query per request.
const loadEvent = cache(getEventDetail);

function summaryOf(description: string, fallback: string): string {
  const text = description || fallback;
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const detail = await loadEvent((await params).slug);
  if (!detail) return { title: "Event not found" };
  const { event, day } = detail;
  const when = `${longDayLabel(day)}, ${formatAstanaTime(event.startsAt)}, ${event.venue.name}`;
  const description = summaryOf(event.description, when);
  return {
    title: event.title,
    description,
    alternates: { canonical: eventPath(event.slug) },
    openGraph: { title: event.title, description: `${when}. ${description}`, type: "website", url: eventPath(event.slug) },
  };
}

export default async function EventPage({ params }: { params: Params }) {
  const detail = await loadEvent((await params).slug);
  if (!detail) notFound();
  const { event, day, sameVenueSameDay } = detail;
  const programmeHref = event.programme
    ? event.programme.kind === "NATIONAL_DAY"
      ? nationalDayPath(event.programme.slug)
      : scheduleHref({ programme: event.programme.slug, date: "all" })
    : null;

  return (
    <article className="event-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(eventJsonLd(event, sitePublicOrigin())) }} />
      <p className="no-print">
        <Link href={scheduleHref({ date: day })} prefetch={false}>← Schedule for {longDayLabel(day)}</Link>
      </p>
      <h1>{event.title}</h1>
      {event.status === "CANCELLED" ? (
        <p className="banner danger">This event is cancelled.</p>
      ) : null}
      <dl className="event-facts">
        <dt>When</dt>
        <dd>
          {longDayLabel(day)}
          <br />
          <EventTime start={event.startsAt.toISOString()} end={event.endsAt.toISOString()} />
          {event.timeIsIllustrative ? (
            <span className="muted"> — the time is illustrative: the source names the event but not its schedule.</span>
          ) : null}
        </dd>
        <dt>Where</dt>
        <dd>
          <Link href={venuePath(event.venue.slug)} prefetch={false}>{event.venue.name}</Link>
          {" · "}
          <Link href={mapHref({ venue: event.venue.slug })} prefetch={false}>Show on map</Link>
          <br />
          <span className="muted">{event.venue.address}</span>
        </dd>
        <dt>Category</dt>
        <dd>
          <Link href={scheduleHref({ category: event.category.slug, date: day })} prefetch={false}>{event.category.name}</Link>
          {event.subcategory ? (
            <>
              {" › "}
              <Link href={scheduleHref({ category: event.subcategory.slug, date: day })} prefetch={false}>{event.subcategory.name}</Link>
            </>
          ) : null}
        </dd>
        {event.programme && programmeHref ? (
          <>
            <dt>Programme</dt>
            <dd>
              <Link href={programmeHref} prefetch={false}>{event.programme.name}</Link>
            </dd>
          </>
        ) : null}
        {event.performers.length ? (
          <>
            <dt>Performers</dt>
            <dd>
              <ul className="plain-list">
                {event.performers.map((performer) => (
                  <li key={performer}>{performer}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>Admission</dt>
        <dd>{event.admission === "FREE" ? "Free" : event.admission === "TICKETED" ? "Ticketed" : "Not known"}</dd>
      </dl>
      <TimeZoneSwitch />
      <div className="event-actions no-print">
        <SaveEventButton slug={event.slug} title={event.title} />
        <AddToCalendarLink slug={event.slug} />
      </div>
      {event.description ? <p className="event-description">{event.description}</p> : null}

      <section aria-labelledby="same-venue-heading">
        <h2 id="same-venue-heading">
          Also at {event.venue.name} on {longDayLabel(day).replace(/ 2017$/, "")}
        </h2>
        {sameVenueSameDay.length ? (
          <EventList events={sameVenueSameDay} showVenue={false} />
        ) : (
          <p className="muted">Nothing else is scheduled there that day.</p>
        )}
      </section>
      <EventHistory slug={event.slug} />
    </article>
  );
}
