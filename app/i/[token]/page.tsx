import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventCard } from "@/components/event-card";
import { TimeZoneSwitch } from "@/components/time-zone-switch";
import { getSharedItinerary } from "@/lib/itinerary/share-itinerary";
import { longDayLabel } from "@/lib/time/format";

// The URL is a secret: kept out of search engines and out of the Referer of every link on the page.
export const metadata: Metadata = { title: "A shared EXPO 2017 plan", robots: { index: false, follow: false }, referrer: "same-origin" };

/** /i/{token}: a read-only view of someone's chosen days; each event can be saved with one click. */
export default async function SharedItineraryPage({ params }: { params: Promise<{ token: string }> }) {
  const shared = await getSharedItinerary((await params).token);
  if (!shared) notFound();
  const count = shared.days.reduce((sum, day) => sum + day.events.length, 0);
  return (
    <>
      <h1>{shared.ownerName ? `${shared.ownerName}’s EXPO 2017 plan` : "A shared EXPO 2017 plan"}</h1>
      <p>
        {count === 0 ? "Nothing is planned on these days yet." : `${count} event${count === 1 ? "" : "s"}`} · read-only; save any
        event to your own itinerary.
      </p>
      {count > 0 ? <TimeZoneSwitch /> : null}
      {shared.days.map((day) => (
        <section key={day.date} aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`}>{longDayLabel(day.date)}</h2>
          {day.events.length ? (
            <ul className="card-list">
              {day.events.map((event) => (
                <li key={event.id}>
                  <EventCard event={event} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty-state">Nothing saved on this day.</p>
          )}
        </section>
      ))}
    </>
  );
}
