// Whether this instance currently believes the database is away. API routes know it per request
// (withDatabase catches the error), but a page that fails renders Next's error page with status
// 500 and Next offers no way to set a page's status from a thrown error; the Node-level hook in
// page-outage-status.ts asks this module at the moment the status is written, so it must be an
// answer that costs nothing: no query, only what the process has already seen.
//
// Two signals, either is enough:
// - the programme LISTEN connection (lib/cache/programme-version.ts) is lost: PostgreSQL ends
//   every connection when it stops, so this flips within milliseconds of a shutdown and flips
//   back within a second of the database returning;
// - a request failed with a "database unavailable" error (withDatabase, or a page's error through
//   instrumentation's onRequestError) within the last RECENT_MS.
// Parked on globalThis: instrumentation, proxy and the route bundles each get their own copy of a
// module, but they run in one process and must share one answer.

const RECENT_MS = 5_000;

interface OutageState {
  lastUnavailableAt: number;
}

type Parked = {
  expoDatabaseOutage?: OutageState;
  // The watcher lib/cache/programme-reads.ts parks; only the one property read here.
  expoProgrammeVersion?: { connectionLost?: boolean };
};

const parked = globalThis as unknown as Parked;
const state: OutageState = (parked.expoDatabaseOutage ??= { lastUnavailableAt: 0 });

/** A request just failed because the database could not be used. */
export function noteDatabaseUnavailable(now = Date.now()): void {
  state.lastUnavailableAt = now;
}

/** True while the LISTEN connection is lost or an outage error was seen within RECENT_MS. */
export function isDatabaseKnownDown(now = Date.now()): boolean {
  if (parked.expoProgrammeVersion?.connectionLost) return true;
  return now - state.lastUnavailableAt < RECENT_MS;
}
