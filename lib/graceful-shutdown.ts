// SIGTERM (a deploy, a scale-down) must let in-flight requests finish and then close the database
// pool, instead of cutting queries off. `next start`'s own handler calls server.close(), waits for
// every connection to end, then process.exit(143). Two gaps, both closed here:
// - server.close() at once closes the listening socket while the event loop is busy answering, and
//   the kernel resets every connection still in its accept queue, requests already sent included
//   (10 of 24 concurrent page requests, measured). So the drain holds the close back until no
//   request has been in flight for QUIET_MS, marks every answer `Connection: close` so clients stop
//   reusing connections, and /api/health answers 503 "draining" so a load balancer stops sending.
// - Next offers no hook between "drained" and "exit": the exit is deferred until the registered
//   closers (the Prisma pool, the LISTEN client) are done, bounded by CLOSE_TIMEOUT_MS.
import http from "node:http";

const CLOSE_TIMEOUT_MS = 5_000;
/** No request begun or ended for this long: what is left open is idle, and is closed. */
const QUIET_MS = 250;
/** How long a handler whose client left is still waited for. */
const ABANDONED_MS = 2_000;
/** Past this, every connection is closed whatever it is doing (a stuck client cannot hold the exit). */
const DRAIN_TIMEOUT_MS = 20_000;

type Closer = () => Promise<unknown>;

interface ShutdownState {
  expoShutdownClosers?: Set<Closer>;
  expoShutdownInstalled?: boolean;
  expoDrain?: { draining: boolean; inFlight: number; lastActivity: number; servers: Set<http.Server>; restoreEmit: (() => void) | null };
}

const state = globalThis as unknown as ShutdownState;
const closers: Set<Closer> = (state.expoShutdownClosers ??= new Set());
const drain = (state.expoDrain ??= { draining: false, inFlight: 0, lastActivity: 0, servers: new Set(), restoreEmit: null });

/** Something to close after the last request finished (its promise is awaited before exit). */
export function onShutdown(closer: Closer): void {
  closers.add(closer);
}

/** Runs every closer once, in parallel, for at most CLOSE_TIMEOUT_MS. */
export async function closeAll(): Promise<void> {
  const pending = [...closers].map((close) => close().catch((error: unknown) => console.error("[expo] closing on shutdown failed:", error)));
  closers.clear();
  await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref())]);
}

/** True once a stop signal arrived: health reports "draining" so no new traffic is sent here. */
export function isDraining(): boolean {
  return drain.draining;
}

/** Counts the requests every http.Server of this process is answering (the last hook installed, so it sees all). */
export function trackRequests(): void {
  if (drain.restoreEmit) return;
  const emit = http.Server.prototype.emit;
  const tracked = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    // A server is known from its first connection: a request may still be unparsed when the stop comes.
    if (event === "connection") drain.servers.add(this);
    if (event === "request") {
      const response = args[1] as http.ServerResponse;
      drain.servers.add(this);
      drain.inFlight++;
      drain.lastActivity = Date.now();
      let counted = true;
      const done = () => {
        if (!counted) return;
        counted = false;
        drain.inFlight--;
        drain.lastActivity = Date.now();
      };
      // A handler is done when it ends its answer, even after its client left: it may still be
      // querying until then, so the pool must stay open. A client gone without that gets
      // ABANDONED_MS for its handler to finish, in case the handler gives up without ending.
      const end = response.end;
      response.end = function (this: http.ServerResponse, ...endArgs: unknown[]) {
        done();
        return end.apply(this, endArgs as Parameters<typeof end>);
      } as typeof response.end;
      response.once("close", () => {
        if (response.writableEnded) done();
        else setTimeout(done, ABANDONED_MS).unref();
      });
      if (drain.draining) response.setHeader("connection", "close");
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  };
  http.Server.prototype.emit = tracked as typeof http.Server.prototype.emit;
  drain.restoreEmit = () => {
    http.Server.prototype.emit = emit;
    drain.restoreEmit = null;
  };
}

/** Undoes trackRequests and the drain state (tests only: one process, many servers). */
export function stopTrackingRequests(): void {
  drain.restoreEmit?.();
  drain.draining = false;
  drain.servers.clear();
}

/**
 * Starts draining: called before server.close(), which is held back (the server keeps accepting and
 * answering, every answer with `Connection: close`) until nothing has been in flight for QUIET_MS;
 * then the real close runs and ends what is idle. Closing the listening socket at once would reset
 * every connection still waiting in the kernel's accept queue, requests already sent included.
 * Resolves when the real close has been called (its callback follows as the last connections end).
 */
export function beginDrain(): Promise<void> {
  drain.draining = true;
  const servers = [...drain.servers];
  const heldCloses = new Map<http.Server, ((error?: Error) => void) | undefined>();
  for (const server of servers) {
    server.close = ((callback?: (error?: Error) => void) => {
      heldCloses.set(server, callback);
      return server;
    }) as typeof server.close;
  }
  const started = Date.now();
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const now = Date.now();
      const quiet = drain.inFlight === 0 && now - Math.max(drain.lastActivity, started) >= QUIET_MS;
      const overdue = now - started >= DRAIN_TIMEOUT_MS;
      if (!quiet && !overdue) return;
      clearInterval(timer);
      for (const server of servers) {
        delete (server as Partial<http.Server>).close;
        server.close(heldCloses.get(server));
        if (overdue) server.closeAllConnections();
      }
      resolve();
    }, 25);
  });
}

export function installGracefulShutdown(): void {
  if (state.expoShutdownInstalled) return;
  state.expoShutdownInstalled = true;
  trackRequests();
  const onSignal = () => {
    if (drain.draining) return;
    void beginDrain();
    const exit = process.exit.bind(process);
    // Next calls process.exit once its server has drained: close the pool first, then exit.
    process.exit = ((code?: number) => {
      void closeAll().finally(() => exit(code));
    }) as typeof process.exit;
  };
  // Before Next's own handler, which calls server.close() at once.
  process.prependListener("SIGTERM", onSignal);
  process.prependListener("SIGINT", onSignal);
}
