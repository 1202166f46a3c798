// The process's one programme version watcher and cache, and `cachedRead`, the helper every public
// read goes through (docs/decisions/017).
import { getEnv } from "../env";
import { onShutdown } from "../graceful-shutdown";
import { ProgrammeCache } from "./programme-cache";
import { queryProgrammeVersion } from "./programme-version-query";
import { ProgrammeVersionWatcher } from "./programme-version";

const parked = globalThis as unknown as { expoProgrammeCache?: ProgrammeCache; expoProgrammeVersion?: ProgrammeVersionWatcher };

/** Parked on globalThis so dev-server reloads keep one of each. */
export const programmeCache: ProgrammeCache = (parked.expoProgrammeCache ??= new ProgrammeCache());
export const programmeVersion: ProgrammeVersionWatcher = (parked.expoProgrammeVersion ??= new ProgrammeVersionWatcher({
  readVersion: queryProgrammeVersion,
  connectionString: () => getEnv().DATABASE_URL,
}));

/** Called once by the server at start (instrumentation.ts): LISTEN for programme changes. */
export function startProgrammeListener(): void {
  programmeVersion.start();
  onShutdown(() => programmeVersion.close());
}

/**
 * `build()`'s answer for `key` at the current programme version: built once per version, then
 * served from memory. The version is read BEFORE building, so a stored answer is never older than
 * the version it is stored under. `key` must name everything the answer depends on (the
 * normalised query, the public origin), and the answer must be the same for every visitor.
 * `weigh` gives the entry's size in bytes when the caller knows it better than a JSON estimate.
 */
export async function cachedRead<T>(key: string, build: () => Promise<T>, weigh?: (value: T) => number): Promise<T> {
  const version = await programmeVersion.current();
  return programmeCache.get(key, version, build, weigh);
}

/**
 * As cachedRead, but the version is read from the database first: for a reader that has just seen
 * a row newer than the version this instance holds (a change whose notification has not arrived).
 */
export async function cachedReadOfNewestVersion<T>(key: string, build: () => Promise<T>, weigh?: (value: T) => number): Promise<T> {
  const version = await programmeVersion.changed();
  return programmeCache.get(key, version, build, weigh);
}

/** A query string with its parameters in a fixed order, so every spelling shares one entry. */
export function normalisedQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): string {
  const pairs: [string, string][] = [];
  if (params instanceof URLSearchParams) {
    for (const [name, value] of params) pairs.push([name, value]);
  } else {
    for (const [name, value] of Object.entries(params)) {
      for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) pairs.push([name, item]);
    }
  }
  pairs.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return new URLSearchParams(pairs).toString();
}
