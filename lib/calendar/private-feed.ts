// The private feed, whole: a visitor's saved events as a subscription at a secret address
// (/calendar/u/{token}.ics), the token behind it, and turning it on, resetting it and off.
// Tokens are 256 random bits in the URL; only their SHA-256 is stored, and the lookup compares it
// in constant time, so a leaked database row cannot be turned back into a working feed URL.
import "server-only";
import { prisma, Prisma } from "../db";
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken, secretTokenHashesEqual } from "../security/secret-token";
import { absoluteUrl, ITINERARY_PATH, privateFeedPath, webcalUrl } from "../http/paths";
import { renderCalendarWithinBudget } from "./build-calendar";
import { feedCache, type StoredFeed } from "./feed-cache";
import { ITINERARY_CALENDAR_NAME } from "./feed-text";
import {
  itineraryVersionOf,
  PROGRAMME_VERSION_COLUMNS,
  readItineraryVersion,
  SAVED_VERSION,
  type ItineraryVersionRow,
} from "./feed-versions";
import { loadFeedEvents } from "./public-feed";
import { readReminder, withReminders } from "../itinerary/reminders";

/** What the feed settings show. The URLs appear only right after creation or reset. */
export interface PrivateFeedState {
  active: boolean;
  createdAt: string | null;
  url?: string;
  webcalUrl?: string;
}

/** What the feed panel's form action answers: the new state, and a message when it failed. */
export interface FeedActionState {
  feed: PrivateFeedState;
  message?: string;
}

/** Whether the visitor has a working private feed (its URL cannot be shown again: only the hash is kept). */
export async function readPrivateFeedState(userId: string): Promise<PrivateFeedState> {
  const active = await prisma.calendarFeedToken.findFirst({
    where: { userId, revokedAt: null },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  return { active: active !== null, createdAt: active?.createdAt.toISOString() ?? null };
}

/**
 * Creates the private feed, or resets it: a new secret URL, and any earlier token revoked in the
 * same transaction, so the old URL answers 404 at once. The token itself is returned once and
 * never stored. Null when the account was deleted since the session was checked.
 */
export async function createPrivateFeed(userId: string, baseUrl: string): Promise<PrivateFeedState | null> {
  const token = generateSecretToken();
  const created = await prisma.$transaction(async (tx) => {
    // Two requests at once (a double click, two tabs) would each revoke the tokens they see and
    // insert their own, leaving two working URLs under READ COMMITTED. Locking the user's row first
    // makes the second wait until the first commits; it then revokes the first one's token.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (locked.length === 0) return null;
    await tx.calendarFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    return tx.calendarFeedToken.create({ data: { userId, tokenHash: hashSecretToken(token) }, select: { createdAt: true } });
  });
  if (!created) return null;
  const url = absoluteUrl(baseUrl, privateFeedPath(token));
  return { active: true, createdAt: created.createdAt.toISOString(), url, webcalUrl: webcalUrl(url) };
}

/** "Turn off": every token of the visitor stops working. */
export async function turnOffPrivateFeed(userId: string): Promise<PrivateFeedState> {
  await prisma.calendarFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return { active: false, createdAt: null };
}

async function itineraryFeed(userId: string, version: string, baseUrl: string): Promise<StoredFeed> {
  // The reminder is part of the version: choosing another one rebuilds the feed (new ETag).
  const reminder = await readReminder(userId);
  return feedCache.get(`itinerary ${baseUrl} ${userId}`, `${version}|reminder ${reminder}`, async () =>
    renderCalendarWithinBudget({
      name: ITINERARY_CALENDAR_NAME,
      baseUrl,
      pageUrl: absoluteUrl(baseUrl, ITINERARY_PATH),
      // Cancelled events included: they stay in the feed as STATUS:CANCELLED (without an alarm).
      events: withReminders(await loadFeedEvents({ savedBy: { some: { userId } } }), reminder),
    }),
  );
}

/** The signed-in visitor's itinerary as a calendar (the download on /itinerary). */
export async function getItineraryFeed(userId: string, baseUrl: string): Promise<StoredFeed> {
  return itineraryFeed(userId, await readItineraryVersion(userId), baseUrl);
}

/**
 * The active (not revoked) token with this hash and its owner's itinerary version, in one query,
 * so serving an unchanged feed costs no other query.
 */
async function findActiveFeedToken(tokenHash: string): Promise<{ userId: string; tokenHash: string; version: string } | null> {
  const rows = await prisma.$queryRaw<(ItineraryVersionRow & { userId: string; tokenHash: string })[]>`
    SELECT t."userId", t."tokenHash", ${PROGRAMME_VERSION_COLUMNS}, ${SAVED_VERSION(Prisma.raw('t."userId"'))}
    FROM "CalendarFeedToken" t
    WHERE t."tokenHash" = ${tokenHash} AND t."revokedAt" IS NULL`;
  const row = rows[0];
  return row ? { userId: row.userId, tokenHash: row.tokenHash, version: itineraryVersionOf(row) } : null;
}

/**
 * The private subscription feed for a secret token; null (a plain 404) for a malformed, unknown or
 * revoked token. The token is never logged or stored, only its hash is looked up.
 */
export async function getPrivateFeed(token: string, baseUrl: string): Promise<StoredFeed | null> {
  if (!isWellFormedSecretToken(token)) return null;
  const tokenHash = hashSecretToken(token);
  const active = await findActiveFeedToken(tokenHash);
  if (!active || !secretTokenHashesEqual(active.tokenHash, tokenHash)) return null;
  return itineraryFeed(active.userId, active.version, baseUrl);
}
