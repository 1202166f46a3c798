import "server-only";
import { eventPageUrl, renderCalendarWithinBudget } from "./build-calendar";
import { calendarName } from "./calendar-name";
import { feedCache, type StoredFeed } from "./feed-cache";
import { readProgrammeVersion } from "./feed-versions";
import { isSlug } from "../schedule/slug";
import { loadFeedEvents } from "./load-feed-events";

/** One event as a calendar (the "Add to calendar" download); null when there is no such event. */
export async function getEventFeed(slug: string, baseUrl: string): Promise<StoredFeed | null> {
  if (!isSlug(slug)) return null;
  const version = await readProgrammeVersion();
  return feedCache.get(`event ${baseUrl} ${slug}`, version, async () => {
    const events = await loadFeedEvents({ slug });
    if (events.length === 0) return null;
    return renderCalendarWithinBudget({
      name: calendarName([events[0].title]),
      baseUrl,
      pageUrl: eventPageUrl(baseUrl, slug),
      events,
    });
  });
}
