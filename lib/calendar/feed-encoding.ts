// A stored feed's validator and its gzip form, computed once when the feed is stored, off the event
// loop (docs/decisions/012-bounded-feed-builds-and-malformed-requests.md). Hashing ~900 KB is a
// few milliseconds, and `next start` gzipped every ~900 KB answer again on each request, pushing
// ~55 compressed chunks through the loop: so the SHA-256 is WebCrypto's (computed on libuv's
// thread pool), the gzip bytes are zlib's asynchronous `gzip` (thread pool too), and an answer to
// a client that accepts gzip is the stored gzip bytes with Content-Encoding, which Next's
// compression leaves alone.
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

export interface FeedEncodings {
  /** Strong validator of the bytes as built: quoted base64url SHA-256. */
  etag: string;
  gzip: Uint8Array<ArrayBuffer>;
  /** A different representation has a different strong validator (RFC 9110 §8.8.3). */
  gzipEtag: string;
}

/** The validator and gzip bytes of `bytes`, both computed on the thread pool. */
export async function encodeFeed(bytes: Uint8Array<ArrayBuffer>): Promise<FeedEncodings> {
  const [digest, gzipped] = await Promise.all([crypto.subtle.digest("SHA-256", bytes), gzipAsync(bytes)]);
  const hash = Buffer.from(digest).toString("base64url");
  return {
    etag: `"${hash}"`,
    gzip: new Uint8Array(gzipped.buffer as ArrayBuffer, gzipped.byteOffset, gzipped.byteLength),
    gzipEtag: `"${hash}-gzip"`,
  };
}

/**
 * Whether the request's Accept-Encoding accepts gzip (RFC 9110 §12.5.3): "gzip" or "x-gzip" with
 * a non-zero weight, or "*" when gzip is not named at all.
 */
export function acceptsGzip(request: Request): boolean {
  const header = request.headers.get("accept-encoding");
  if (!header) return false;
  let wildcard = false;
  for (const entry of header.split(",")) {
    const [name, ...parameters] = entry.trim().toLowerCase().split(";");
    const weight = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith("q="));
    const accepted = weight === undefined || Number(weight.slice(2)) > 0;
    if (name.trim() === "gzip" || name.trim() === "x-gzip") return accepted;
    if (name.trim() === "*") wildcard = accepted;
  }
  return wildcard;
}
