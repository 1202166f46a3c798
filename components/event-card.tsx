import Link from "next/link";
import type { EventRow } from "@/lib/schedule/event-row";
import { eventPath } from "@/lib/http/paths";
import { venuePath } from "@/lib/http/paths";
import { EventTime } from "./event-time";
import { SaveEventButton } from "./save-event-button";
import { SearchHighlight } from "./search-highlight";

export function EventCard({
  event,
  showVenue = true,
  highlight,
}: {
  event: EventRow;
  showVenue?: boolean;
  /** Folded search words to mark in the title, venue and performers. */
  highlight?: readonly string[];
}) {
  const cancelled = event.status === "CANCELLED";
  // No prefetch for a card's links: a page of 100 cards would otherwise have the router fetch an
  // RSC payload for every card scrolled into view, each a server render of a dynamic page, on a
  // phone's slow network after load (issue 13). A tap still navigates in the app.
  return (
    <article className={cancelled ? "card event-card cancelled" : "card event-card"}>
      <h3>
        <Link href={eventPath(event.slug)} prefetch={false}>
          <SearchHighlight text={event.title} words={highlight} />
        </Link>
      </h3>
      {cancelled ? <p className="badge danger">Cancelled</p> : null}
      <p className="event-meta">
        <EventTime start={event.startsAt.toISOString()} end={event.endsAt.toISOString()} />
        {event.timeIsIllustrative ? <span className="muted"> (time illustrative)</span> : null}
      </p>
      <p className="event-meta">
        {showVenue ? (
          <>
            <Link href={venuePath(event.venue.slug)} prefetch={false}>
              <SearchHighlight text={event.venue.name} words={highlight} />
            </Link>
            {" · "}
          </>
        ) : null}
        {event.subcategory?.name ?? event.category.name}
        {event.programme ? ` · ${event.programme.name}` : null}
        {event.admission === "FREE" ? " · Free" : event.admission === "TICKETED" ? " · Ticketed" : null}
      </p>
      {event.performers.length ? <p className="muted event-performers">
          <SearchHighlight text={event.performers.join(", ")} words={highlight} />
        </p> : null}
      <SaveEventButton slug={event.slug} title={event.title} />
    </article>
  );
}
