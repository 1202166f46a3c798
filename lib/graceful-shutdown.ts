// SIGTERM (a deploy, a scale-down) must let in-flight requests finish and then close the database
// pool, instead of cutting queries off. `next start` already does the first half: on SIGTERM it
// stops accepting connections, waits for every pending request (server.close), then calls
// process.exit(143). It offers no hook between "drained" and "exit", so once a signal has arrived
// the exit is deferred until the registered closers (the Prisma pool, the LISTEN client) are done,
// bounded by CLOSE_TIMEOUT_MS so a stuck socket cannot keep the process alive.

const CLOSE_TIMEOUT_MS = 5_000;

type Closer = () => Promise<unknown>;

const state = globalThis as unknown as { expoShutdownClosers?: Set<Closer>; expoShutdownInstalled?: boolean };
const closers: Set<Closer> = (state.expoShutdownClosers ??= new Set());

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

export function installGracefulShutdown(): void {
  if (state.expoShutdownInstalled) return;
  state.expoShutdownInstalled = true;
  const deferExit = () => {
    const exit = process.exit.bind(process);
    // Next calls process.exit once its server has drained: close the pool first, then exit.
    process.exit = ((code?: number) => {
      void closeAll().finally(() => exit(code));
    }) as typeof process.exit;
  };
  process.once("SIGTERM", deferExit);
  process.once("SIGINT", deferExit);
}
