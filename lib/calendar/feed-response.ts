// HTTP for feeds, as calendar clients expect from a good feed server: a strong ETag and a
// Last-Modified from the stored feed, 304 for a matching If-None-Match (or, without one, an
// If-Modified-Since not older than Last-Modified), HEAD without a body, and cache rules that keep
// private feeds out of shared caches.
import type { StoredFeed } from "./feed-cache";
import { acceptsGzip } from "./feed-encoding";

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

/**
 * RFC 9110 §13.1: If-None-Match wins; If-Modified-Since only counts without it. Either
 * representation's validator (plain or gzip) names the same content, so either gives a 304.
 */
export function isNotModified(request: Request, feed: Pick<StoredFeed, "etag" | "lastModified"> & Partial<Pick<StoredFeed, "gzipEtag">>): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const tags = etagsOf(ifNoneMatch);
    return tags.includes("*") || tags.includes(feed.etag) || (feed.gzipEtag !== undefined && tags.includes(feed.gzipEtag));
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
  // The stored gzip bytes when the client takes them: the server then compresses nothing per request.
  const gzip = acceptsGzip(request);
  const body = gzip ? feed.gzip : feed.bytes;
  const headers = new Headers({
    ETag: gzip ? feed.gzipEtag : feed.etag,
    "Last-Modified": feed.lastModified.toUTCString(),
    "Cache-Control": feedCacheControl(options.visibility),
    Vary: "Accept-Encoding",
  });
  if (options.visibility === "private") headers.set("Referrer-Policy", "no-referrer");
  if (isNotModified(request, feed)) return new Response(null, { status: 304, headers });

  headers.set("Content-Type", FEED_CONTENT_TYPE);
  if (gzip) headers.set("Content-Encoding", "gzip");
  if (options.downloadFilename) {
    headers.set("Content-Disposition", `attachment; filename="${options.downloadFilename.replace(/[^\w.-]/g, "_")}"`);
  }
  if (request.method === "HEAD") {
    headers.set("Content-Length", String(body.length));
    return new Response(null, { status: 200, headers });
  }
  return new Response(body, { status: 200, headers });
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
