// Feeds are built once per change and then served as stored bytes: rendering the full programme
// with ical-generator takes hundreds of milliseconds (most of it in its line folding), serving the
// stored bytes takes one version query. See docs/decisions/006-feed-caching.md.
import { createHash } from "node:crypto";
import type { RenderedCalendar } from "./build-calendar";
import { feedEtag } from "./feed-etag";

export interface StoredFeed {
  bytes: Uint8Array<ArrayBuffer>;
  /** Strong validator derived from the bytes: quoted base64url SHA-256. */
  etag: string;
  /** Whole seconds (HTTP dates have no more); never earlier than what this key served before. */
  lastModified: Date;
  detail: RenderedCalendar["detail"];
  /** How long the build (query and render) took, for the benchmark. */
  buildMilliseconds: number;
}

interface Entry extends StoredFeed {
  version: string;
}

export function strongEtag(bytes: Uint8Array): string {
  return `"${createHash("sha256").update(bytes).digest("base64url")}"`;
}

function wholeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export class FeedCache {
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<StoredFeed | null>>();
  private storedBytes = 0;
  private builds = 0;

  constructor(
    private readonly maxBytes: number = 64 * 1024 * 1024,
    private readonly maxEntries: number = 5000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The stored feed for `key` if it was built at `version`; otherwise builds it (one build per key
   * and version even when requests arrive together). A build returning null (nothing to serve,
   * e.g. an unknown event) is not stored.
   */
  get(key: string, version: string, build: () => Promise<RenderedCalendar>): Promise<StoredFeed>;
  get(key: string, version: string, build: () => Promise<RenderedCalendar | null>): Promise<StoredFeed | null>;
  async get(key: string, version: string, build: () => Promise<RenderedCalendar | null>): Promise<StoredFeed | null> {
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      // Map order is the eviction order: a hit moves the entry to the back.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry;
    }
    const flight = `${key}\n${version}`;
    let pending = this.building.get(flight);
    if (!pending) {
      pending = this.rebuild(key, version, build).finally(() => this.building.delete(flight));
      this.building.set(flight, pending);
    }
    return pending;
  }

  private async rebuild(
    key: string,
    version: string,
    build: () => Promise<RenderedCalendar | null>,
  ): Promise<StoredFeed | null> {
    this.builds += 1;
    const started = performance.now();
    const rendered = await build();
    const buildMilliseconds = performance.now() - started;
    if (!rendered) return null;
    // On the thread pool: a large feed is ~900 KB to hash (feed-etag.ts); same value as strongEtag.
    const etag = await feedEtag(rendered.bytes);
    const previous = this.entries.get(key);
    let lastModified: Date;
    if (previous && previous.etag === etag) {
      lastModified = previous.lastModified;
    } else {
      // The first time this process serves these bytes. A restart therefore moves Last-Modified
      // forwards (clients fetch once more), but never backwards: a removed event leaves no newer
      // row behind, so the data alone cannot say when the feed last changed.
      const now = wholeSecond(this.now());
      lastModified =
        previous && now.getTime() <= previous.lastModified.getTime()
          ? new Date(previous.lastModified.getTime() + 1000)
          : now;
    }
    const stored: Entry = { version, bytes: rendered.bytes, etag, lastModified, detail: rendered.detail, buildMilliseconds };
    this.store(key, stored);
    return stored;
  }

  private store(key: string, entry: Entry): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.storedBytes -= previous.bytes.length;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.storedBytes += entry.bytes.length;
    for (const [oldKey, old] of this.entries) {
      if (this.storedBytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      if (oldKey === key) continue;
      this.entries.delete(oldKey);
      this.storedBytes -= old.bytes.length;
    }
  }

  /** Forgets every stored feed (tests and the benchmark measure cold builds with it). */
  clear(): void {
    this.entries.clear();
    this.storedBytes = 0;
  }

  /** How many builds ran (a request answered from stored bytes adds none). */
  get buildCount(): number {
    return this.builds;
  }

  get size(): number {
    return this.entries.size;
  }
}

const globalForFeeds = globalThis as unknown as { expoFeedCache?: FeedCache };

/** The process's one feed cache (parked on globalThis so dev-server reloads keep it). */
export const feedCache: FeedCache = (globalForFeeds.expoFeedCache ??= new FeedCache());
