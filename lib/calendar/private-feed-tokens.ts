import "server-only";
import { prisma } from "../db";
import { generateFeedToken, hashFeedToken } from "./feed-token";

export interface ActivePrivateFeed {
  createdAt: Date;
}

/** Whether the visitor has a working private feed (its URL cannot be shown again: only the hash is kept). */
export async function findActivePrivateFeed(userId: string): Promise<ActivePrivateFeed | null> {
  return prisma.calendarFeedToken.findFirst({
    where: { userId, revokedAt: null },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Creates the visitor's private feed token, revoking any earlier one in the same transaction:
 * "Reset link" and first creation are the same operation, and the old URL answers 404 at once.
 * The token itself is returned once and never stored. Null when the user no longer exists.
 */
export async function replacePrivateFeedToken(userId: string): Promise<{ token: string; createdAt: Date } | null> {
  const token = generateFeedToken();
  const created = await prisma.$transaction(async (tx) => {
    // Two requests at once (a double click, two tabs) would each revoke the tokens they see and
    // insert their own, leaving two working URLs under READ COMMITTED. Locking the user's row first
    // makes the second wait until the first commits; it then revokes the first one's token.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (locked.length === 0) return null;
    await tx.calendarFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    return tx.calendarFeedToken.create({
      data: { userId, tokenHash: hashFeedToken(token) },
      select: { createdAt: true },
    });
  });
  return created ? { token, createdAt: created.createdAt } : null;
}

/** "Turn off": every token of the visitor stops working. Returns how many were active. */
export async function revokePrivateFeedTokens(userId: string): Promise<number> {
  const { count } = await prisma.calendarFeedToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}
