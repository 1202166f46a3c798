// A stored feed's strong validator, computed off the event loop. Hashing a ~900 KB public feed
// with createHash is a few milliseconds of one block on the loop; WebCrypto's digest runs on
// libuv's thread pool and gives the same SHA-256
// (docs/decisions/012-bounded-feed-builds-and-malformed-requests.md).
//
// Why not also keep a gzip of each feed and answer it with Content-Encoding: Next 16 drops a
// route handler's Content-Encoding header (send-response.js, FORBIDDEN_HEADERS) and then gzips
// the body again, so a client would get gzip bytes as the calendar. The public feeds' gzip is the
// page front door's, made once per stored answer on the thread pool (lib/page-cache/front-door.ts).

/** Quoted base64url SHA-256 of `bytes`: the same value as strongEtag (feed-cache.ts), without blocking. */
export async function feedEtag(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return `"${Buffer.from(digest).toString("base64url")}"`;
}
