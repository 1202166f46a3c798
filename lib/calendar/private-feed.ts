import "server-only";
import { renderCalendarWithinBudget } from "./build-calendar";
import { ITINERARY_CALENDAR_NAME } from "./calendar-name";
import { feedCache, type StoredFeed } from "./feed-cache";
import { feedTokenHashesEqual, hashFeedToken, isWellFormedFeedToken } from "./feed-token";
import { findActiveFeedToken, readItineraryVersion } from "./feed-versions";
import { loadSavedFeedEvents } from "./load-feed-events";
import { readReminder, withReminders } from "../itinerary/reminders";

async function itineraryFeed(userId: string, version: string, baseUrl: string): Promise<StoredFeed> {
  // The reminder is part of the version: choosing another one rebuilds the feed (new ETag).
  const reminder = await readReminder(userId);
  return feedCache.get(`itinerary ${baseUrl} ${userId}`, `${version}|reminder ${reminder}`, async () =>
    renderCalendarWithinBudget({
      name: ITINERARY_CALENDAR_NAME,
      baseUrl,
      pageUrl: `${baseUrl}/itinerary`,
      events: withReminders(await loadSavedFeedEvents(userId), reminder),
    }),
  );
}

/** The signed-in visitor's itinerary as a calendar (the download on /itinerary). */
export async function getItineraryFeed(userId: string, baseUrl: string): Promise<StoredFeed> {
  return itineraryFeed(userId, await readItineraryVersion(userId), baseUrl);
}

/**
 * The private subscription feed for a secret token; null (a plain 404) for a malformed, unknown or
 * revoked token. The token is never logged or stored, only its hash is looked up.
 */
export async function getPrivateFeed(token: string, baseUrl: string): Promise<StoredFeed | null> {
  if (!isWellFormedFeedToken(token)) return null;
  const tokenHash = hashFeedToken(token);
  const active = await findActiveFeedToken(tokenHash);
  if (!active || !feedTokenHashesEqual(active.tokenHash, tokenHash)) return null;
  return itineraryFeed(active.userId, active.version, baseUrl);
}
