// Public reads built once per programme version and then served from memory (docs/decisions/017).
// An LRU bounded by entry count and by an estimate of the bytes held: a flood of distinct queries
// (every search word, every garbage parameter) evicts the least recently used answers instead of
// growing the heap. Entries of an older version are never served; they age out as newer ones land.
// Only public, per-programme data goes in here: nothing per user, no session, no private feed.

export interface ProgrammeCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
}

interface Entry {
  version: string;
  value: unknown;
  bytes: number;
}

/** Rough size of a value in memory: its JSON length (UTF-16, so ×2), Dates as ISO strings. */
function estimateBytes(value: unknown): number {
  try {
    return (JSON.stringify(value)?.length ?? 16) * 2;
  } catch {
    return 1024;
  }
}

export class ProgrammeCache {
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<unknown>>();
  private heldBytes = 0;
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** Builds run (a request answered from memory adds none), for tests and the benchmark. */
  builds = 0;
  hits = 0;

  constructor(options: ProgrammeCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 5_000;
    this.maxBytes = options.maxBytes ?? 96 * 1024 * 1024;
  }

  /**
   * The value stored for `key` at `version`, else `build()`'s (one build per key and version even
   * when requests arrive together). A failed build stores nothing, so the next request retries.
   * `weigh` sizes the value (default: its JSON length, which costs a JSON.stringify per build).
   */
  async get<T>(key: string, version: string, build: () => Promise<T>, weigh: (value: T) => number = estimateBytes): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      // Map order is the eviction order: a hit moves the entry to the back.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.hits += 1;
      return entry.value as T;
    }
    const flight = `${version}\n${key}`;
    let pending = this.building.get(flight) as Promise<T> | undefined;
    if (!pending) {
      pending = this.rebuild(key, version, build, weigh).finally(() => this.building.delete(flight));
      this.building.set(flight, pending);
    }
    return pending;
  }

  private async rebuild<T>(key: string, version: string, build: () => Promise<T>, weigh: (value: T) => number): Promise<T> {
    this.builds += 1;
    const value = await build();
    this.store(key, { version, value, bytes: weigh(value) + key.length * 2 });
    return value;
  }

  private store(key: string, entry: Entry): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.heldBytes -= previous.bytes;
      this.entries.delete(key);
    }
    // One answer larger than the whole budget is served but not kept.
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.heldBytes += entry.bytes;
    for (const [oldKey, old] of this.entries) {
      if (this.heldBytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldKey);
      this.heldBytes -= old.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.heldBytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.heldBytes;
  }
}
