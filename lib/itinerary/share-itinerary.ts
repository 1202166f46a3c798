import "server-only";
// Read-only links to part of an itinerary: /i/{token}. The token has 256 random bits and only its
// SHA-256 is stored (the same scheme as the private calendar feed, lib/security/secret-token.ts), so
// a leaked database row is no working link. A visitor may hold several links (one per friend or
// per set of days) and revoke each; a revoked or unknown link is a plain 404.
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken, secretTokenHashesEqual } from "../security/secret-token";
import { prisma, type Prisma } from "../db";
import { eventRowSelect, type EventRow } from "../schedule/event-row";
import { astanaDateOf, astanaDayRange } from "../time/astana";
import { bodyProblems, problem, type Outcome } from "../http/problems";
import { createShareBodySchema } from "./share-schema";

// A visitor with more live links than this is not sharing with friends.
export const MAX_ACTIVE_SHARES = 20;

export interface ShareSummary {
  id: number;
  days: string[];
  showName: boolean;
  createdAt: string;
}

export function sharePath(token: string): string {
  return `/i/${token}`;
}

const SUMMARY_SELECT = { id: true, days: true, showName: true, createdAt: true } satisfies Prisma.ItineraryShareSelect;

function toSummary(row: { id: number; days: string[]; showName: boolean; createdAt: Date }): ShareSummary {
  return { id: row.id, days: row.days, showName: row.showName, createdAt: row.createdAt.toISOString() };
}

/** The visitor's working links, newest first (their URLs cannot be shown again). */
export async function listItineraryShares(userId: string): Promise<ShareSummary[]> {
  const rows = await prisma.itineraryShare.findMany({
    where: { userId, revokedAt: null },
    select: SUMMARY_SELECT,
    orderBy: { id: "desc" },
  });
  return rows.map(toSummary);
}

/** POST /api/share-links: 201 with the link (shown once), or 400 naming the problem. */
export async function createItineraryShare(userId: string, body: unknown, baseUrl: string): Promise<Outcome> {
  const parsed = createShareBodySchema.safeParse(body ?? {});
  if (!parsed.success) return problem(400, "The request body is not valid.", bodyProblems(parsed.error));
  const active = await prisma.itineraryShare.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_SHARES) {
    return problem(409, `You already have ${MAX_ACTIVE_SHARES} shared links; revoke one first.`, [
      { parameter: "days", message: "no more links can be created" },
    ]);
  }
  const token = generateSecretToken();
  const row = await prisma.itineraryShare.create({
    data: { userId, tokenHash: hashSecretToken(token), days: parsed.data.days, showName: parsed.data.showName },
    select: SUMMARY_SELECT,
  });
  return { status: 201, body: { ...toSummary(row), url: `${baseUrl.replace(/\/+$/, "")}${sharePath(token)}` } };
}

/** DELETE /api/share-links/{id}: the owner's link stops working at once; another visitor's id is a 404. */
export async function revokeItineraryShare(userId: string, rawId: string): Promise<Outcome> {
  const id = /^[1-9][0-9]{0,9}$/.test(rawId) ? Number(rawId) : Number.NaN;
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) {
    return problem(404, "There is no such shared link.", [{ parameter: "id", message: "is not a shared link of yours" }]);
  }
  const { count } = await prisma.itineraryShare.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) return problem(404, "There is no such shared link.", [{ parameter: "id", message: "is not a shared link of yours" }]);
  return { status: 200, body: { id, revoked: true } };
}

export interface SharedItinerary {
  /** The owner's name when they opted in, else null. The email is never read. */
  ownerName: string | null;
  days: { date: string; events: EventRow[] }[];
}

/**
 * What /i/{token} shows: the owner's saved events on the chosen days, as they are now (a save added
 * later on one of those days appears too). Notes are never selected. Null for a malformed, unknown
 * or revoked token. Two queries: the link with its owner, then the events.
 */
export async function getSharedItinerary(token: string): Promise<SharedItinerary | null> {
  if (!isWellFormedSecretToken(token)) return null;
  const tokenHash = hashSecretToken(token);
  const share = await prisma.itineraryShare.findUnique({
    where: { tokenHash },
    select: { tokenHash: true, userId: true, days: true, showName: true, revokedAt: true, user: { select: { name: true } } },
  });
  if (!share || share.revokedAt || !secretTokenHashesEqual(share.tokenHash, tokenHash)) return null;

  const events = await prisma.event.findMany({
    where: {
      savedBy: { some: { userId: share.userId } },
      OR: share.days.map((date) => {
        const { start, end } = astanaDayRange(date);
        return { startsAt: { gte: start, lt: end } };
      }),
    },
    select: eventRowSelect,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  const byDay = new Map<string, EventRow[]>(share.days.map((date) => [date, []]));
  for (const event of events) byDay.get(astanaDateOf(event.startsAt))?.push(event);
  return {
    ownerName: share.showName ? share.user.name?.trim() || null : null,
    days: [...byDay].map(([date, dayEvents]) => ({ date, events: dayEvents })),
  };
}
