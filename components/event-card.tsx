import type { EventRow } from "@/lib/schedule/event-row";
import { eventPath } from "@/lib/http/paths";
import { venuePath } from "@/lib/http/paths";
import { EventTime } from "./event-time";
import { SaveEventButton } from "./save-event-form";
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
  // Plain links, not next/link: a page of 100 cards hydrated 200 Link components (each with its
  // prefetch observer) on a phone's main thread (issue 13). The page's one SaveFormsEnhancer makes
  // a tap on a `data-app-link` a client navigation; before it runs, the link loads the page. Nothing
  // is prefetched: each prefetch would be a server render of a dynamic page.
  return (
    <article className={cancelled ? "card event-card cancelled" : "card event-card"}>
      <h3>
        <a href={eventPath(event.slug)} data-app-link="">
          <SearchHighlight text={event.title} words={highlight} />
        </a>
      </h3>
      {cancelled ? <p className="badge danger">Cancelled</p> : null}
      <p className="event-meta">
        <EventTime start={event.startsAt.toISOString()} end={event.endsAt.toISOString()} />
        {event.timeIsIllustrative ? <span className="muted"> (time illustrative)</span> : null}
      </p>
      <p className="event-meta">
        {showVenue ? (
          <>
            <a href={venuePath(event.venue.slug)} data-app-link="">
              <SearchHighlight text={event.venue.name} words={highlight} />
            </a>
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
