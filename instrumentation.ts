// Validates the environment once when the server starts, so a missing or malformed variable stops
// it with one line naming the variable instead of failing on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/validate-env-at-startup");
    // Pages' HTML names the app's scripts for loading on first intent (lib/page-cache/app-on-intent.ts);
    // installed first, so it is the last before Next and the page front door's fills pass it too.
    (await import("./lib/page-cache/app-on-intent")).installAppOnIntent();
    // Anonymous visitors' public pages from stored HTML with a fresh nonce (lib/page-cache/install.ts);
    // installed before the request guard, which wraps it and so still runs first.
    const { installPageFrontDoor } = await import("./lib/page-cache/install");
    installPageFrontDoor();
    // GET /api/itinerary with a session, answered before Next's router (lib/itinerary/itinerary-door.ts).
    (await import("./lib/itinerary/itinerary-door")).installItineraryDoor(process.env.NEXTAUTH_URL?.startsWith("https://") ?? false);
    // 4xx instead of Next's 500 for TRACE and broken percent-encoding (lib/security/node-request-guard.ts).
    const { installNodeRequestGuard } = await import("./lib/security/node-request-guard");
    installNodeRequestGuard(process.env.NEXTAUTH_URL?.startsWith("https://") ?? false);
    // A page failing because the database is away answers 503, not 500 (lib/http/page-outage-status.ts).
    const { installPageOutageStatus } = await import("./lib/http/page-outage-status");
    installPageOutageStatus();
    // SIGTERM: in-flight requests finish, then the database pool closes (lib/graceful-shutdown.ts).
    const { installGracefulShutdown } = await import("./lib/graceful-shutdown");
    installGracefulShutdown();
    // Public reads are cached per programme version; LISTEN tells this instance of every change.
    const { startProgrammeListener } = await import("./lib/cache/programme-reads");
    startProgrammeListener();
  }
}

// A page's error (a server component that threw) reaches no withDatabase: note an outage here so
// the page's status becomes 503 (lib/http/database-outage.ts).
export async function onRequestError(error: unknown): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isDatabaseUnavailable } = await import("./lib/http/database-unavailable");
  if (!isDatabaseUnavailable(error)) return;
  const { noteDatabaseUnavailable } = await import("./lib/http/database-outage");
  noteDatabaseUnavailable();
}
