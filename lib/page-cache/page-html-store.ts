// Rendered HTML of public pages, kept per programme version and served to anonymous visitors with a
// fresh CSP nonce each time (docs/decisions/022-cached-page-html.md). An entry holds the page cut
// at every occurrence of the nonce it was rendered with, so a response is the parts joined by a new
// nonce of the same length: no parsing, no render, one Buffer.concat.
// Bounded like lib/cache/programme-cache.ts: by entries and by bytes, least recently used first.
// Only answers that were the same for every anonymous visitor of the key go in (lib/page-cache/front-door.ts
// decides); nothing per user, nothing that set a cookie, no 4xx/5xx.

export interface StoredPage {
  status: number;
  /** Response headers as rendered, with `{nonce}` where the render's nonce stood (CSP). */
  headers: [string, string][];
  /** The body cut at every occurrence of the render's nonce (one part for data: no nonce). */
  parts: Buffer[];
  bytes: number;
  /** The answer's ETag, for If-None-Match. */
  etag: string | null;
  /** Data only: the body gzipped, made on the first request that accepts gzip. */
  gzipped: Buffer | null;
  /** A page's RSC payload, out of its HTML (./detached-flight.ts): its id, cut at the nonce like the body. */
  flight?: { id: string; parts: Buffer[] };
}

/** A key whose answer must not be cached (a 404, a redirect, a cookie set): pass it to Next. */
export const UNCACHEABLE = "uncacheable" as const;
export type Stored = StoredPage | typeof UNCACHEABLE;

/** Cuts `body` at every occurrence of `nonce`. */
export function splitAtNonce(body: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at >= 0; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/** The page's body with `nonce` wherever the render's nonce stood. */
export function joinWithNonce(parts: Buffer[], nonce: string): Buffer {
  if (parts.length === 1) return parts[0];
  const glue = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(glue);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

export interface PageHtmlStoreOptions {
  maxEntries?: number;
  maxBytes?: number;
}

export class PageHtmlStore {
  private readonly entries = new Map<string, Stored>();
  private readonly filling = new Map<string, Promise<Stored | null>>();
  private version: string | null = null;
  private heldBytes = 0;
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** Renders fetched (a request answered from memory adds none), for tests and the benchmark. */
  fills = 0;
  hits = 0;

  constructor(options: PageHtmlStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 2_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * What is stored for `key` at `version`, else `fill()`'s answer (one fill per key and version
   * even when requests arrive together). A new version drops every entry at once: pages of an
   * older programme are never served again. A failed fill, or one answering null, stores nothing.
   */
  async get(key: string, version: string, fill: () => Promise<Stored | null>): Promise<Stored | null> {
    if (version !== this.version) this.clear(version);
    const entry = this.entries.get(key);
    if (entry) {
      // Map order is the eviction order: a hit moves the entry to the back.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.hits += 1;
      return entry;
    }
    const flight = `${version}\n${key}`;
    let pending = this.filling.get(flight);
    if (!pending) {
      this.fills += 1;
      pending = fill()
        .then((stored) => {
          // A fill that finished after the version moved on belongs to no current key.
          if (stored !== null && this.version === version) this.store(key, stored);
          return stored;
        })
        .finally(() => this.filling.delete(flight));
      this.filling.set(flight, pending);
    }
    return pending;
  }

  private store(key: string, stored: Stored): void {
    const bytes = stored === UNCACHEABLE ? 64 : stored.bytes;
    if (bytes > this.maxBytes) return;
    this.entries.set(key, stored);
    this.heldBytes += bytes;
    for (const [oldest, value] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.heldBytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.heldBytes -= value === UNCACHEABLE ? 64 : value.bytes;
    }
  }

  clear(version: string | null = null): void {
    this.entries.clear();
    this.heldBytes = 0;
    this.version = version;
  }
}
