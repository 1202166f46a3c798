// HTTP for feeds, as calendar clients expect from a good feed server: a strong ETag and a
// Last-Modified from the stored feed, 304 for a matching If-None-Match (or, without one, an
// If-Modified-Since not older than Last-Modified), HEAD without a body, and cache rules that keep
// private feeds out of shared caches.
import type { StoredFeed } from "./feed-cache";

export const FEED_CONTENT_TYPE = "text/calendar; charset=utf-8";
/** Shared caches may keep a public feed this long; calendar clients poll far less often anyway. */
export const PUBLIC_FEED_MAX_AGE_SECONDS = 15 * 60;

export type FeedVisibility = "public" | "private";

export interface FeedResponseOptions {
  visibility: FeedVisibility;
  /** Sets Content-Disposition: attachment with this file name (downloads, not subscriptions). */
  downloadFilename?: string;
}

function etagsOf(header: string): string[] {
  return header.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
}

/** RFC 9110 §13.1: If-None-Match wins; If-Modified-Since only counts without it. */
export function isNotModified(request: Request, feed: Pick<StoredFeed, "etag" | "lastModified">): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const tags = etagsOf(ifNoneMatch);
    return tags.includes("*") || tags.includes(feed.etag);
  }
  const ifModifiedSince = request.headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && feed.lastModified.getTime() <= since;
}

export function feedCacheControl(visibility: FeedVisibility): string {
  return visibility === "public" ? `public, max-age=${PUBLIC_FEED_MAX_AGE_SECONDS}` : "private, no-store";
}

export function feedResponse(request: Request, feed: StoredFeed, options: FeedResponseOptions): Response {
  const headers = new Headers({
    ETag: feed.etag,
    "Last-Modified": feed.lastModified.toUTCString(),
    "Cache-Control": feedCacheControl(options.visibility),
  });
  if (options.visibility === "private") headers.set("Referrer-Policy", "no-referrer");
  if (isNotModified(request, feed)) return new Response(null, { status: 304, headers });

  headers.set("Content-Type", FEED_CONTENT_TYPE);
  if (options.downloadFilename) {
    headers.set("Content-Disposition", `attachment; filename="${options.downloadFilename.replace(/[^\w.-]/g, "_")}"`);
  }
  if (request.method === "HEAD") {
    headers.set("Content-Length", String(feed.bytes.length));
    return new Response(null, { status: 200, headers });
  }
  return new Response(feed.bytes, { status: 200, headers });
}

/** A plain 404: no redirect, no hint whether the address ever existed. */
export function feedNotFound(): Response {
  return new Response("Not found\n", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
