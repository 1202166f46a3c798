import "server-only";
import { privateFeedUrl, webcalUrl } from "./feed-urls";
import { findActivePrivateFeed, replacePrivateFeedToken, revokePrivateFeedTokens } from "./private-feed-tokens";

/** What /api/calendar-feed answers. The URLs appear only right after creation or reset. */
export interface PrivateFeedState {
  active: boolean;
  createdAt: string | null;
  url?: string;
  webcalUrl?: string;
}

export async function readPrivateFeedState(userId: string): Promise<PrivateFeedState> {
  const active = await findActivePrivateFeed(userId);
  return { active: active !== null, createdAt: active?.createdAt.toISOString() ?? null };
}

/**
 * Creates the private feed, or resets it: a new secret URL, the old one answers 404 at once. Null
 * when the account was deleted since the session was checked.
 */
export async function createPrivateFeed(userId: string, baseUrl: string): Promise<PrivateFeedState | null> {
  const replaced = await replacePrivateFeedToken(userId);
  if (!replaced) return null;
  const { token, createdAt } = replaced;
  const url = privateFeedUrl(baseUrl, token);
  return { active: true, createdAt: createdAt.toISOString(), url, webcalUrl: webcalUrl(url) };
}

export async function turnOffPrivateFeed(userId: string): Promise<PrivateFeedState> {
  await revokePrivateFeedTokens(userId);
  return { active: false, createdAt: null };
}
