// Concurrent reads by key gathered into few statements: every key asked for while a statement is
// in flight waits, and the next statement reads all of them at once. GET /api/itinerary uses it
// (./itinerary-rows.ts, docs/decisions/025-itinerary-at-scale.md): at 32 connections on two cores,
// one statement per request kept up to ten PostgreSQL backends runnable at once, each a round trip,
// an executor start and two context switches, competing with Node for the cores; the p99 was the
// queue behind them. A statement starts only after every request in it has arrived, so each request
// still reads the database as of after its arrival: nothing is kept between statements.

export interface ReadBatchesOptions {
  /** Statements in flight at most; keys asked for meanwhile wait for the next one. */
  inFlight: number;
  /** Keys per statement at most (distinct keys; a key asked for twice is read once). */
  batchSize: number;
}

interface Waiter<V> {
  key: string;
  resolve(value: V | undefined): void;
  reject(error: unknown): void;
}

/**
 * `read` gets distinct keys and gives what it found for them; each caller gets its key's value,
 * or undefined when `read` found none. When `read` fails, every caller of that statement gets its
 * error, and later statements are unaffected.
 */
export function readInBatches<V>(read: (keys: string[]) => Promise<Map<string, V>>, options: ReadBatchesOptions): (key: string) => Promise<V | undefined> {
  let waiting: Waiter<V>[] = [];
  let running = 0;
  let scheduled = false;

  const run = (batch: Waiter<V>[]): void => {
    running += 1;
    const keys = [...new Set(batch.map((waiter) => waiter.key))];
    // Through a microtask, so a `read` that throws synchronously fails its batch like a rejection.
    Promise.resolve()
      .then(() => read(keys))
      .then(
        (found) => {
          next();
          for (const waiter of batch) waiter.resolve(found.get(waiter.key));
        },
        (error: unknown) => {
          next();
          for (const waiter of batch) waiter.reject(error);
        },
      );
  };

  // The next statement starts before this one's callers continue: they build their answers (most of
  // a request's CPU) while the database reads the next batch, instead of the two taking turns.
  const next = (): void => {
    running -= 1;
    flush();
  };

  const flush = (): void => {
    scheduled = false;
    if (running >= options.inFlight || waiting.length === 0) return;
    const batch = takeBatch(waiting, options.batchSize);
    waiting = batch.rest;
    run(batch.taken);
    schedule();
  };

  // setImmediate, not at once: requests whose bytes arrived in the same turn of the event loop
  // (several sockets readable together) reach this after each other, and all join one statement.
  const schedule = (): void => {
    if (scheduled || running >= options.inFlight || waiting.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      schedule();
    });
}

/** The first waiters, up to `batchSize` distinct keys (a repeated key rides along), in arrival order. */
function takeBatch<V>(waiting: Waiter<V>[], batchSize: number): { taken: Waiter<V>[]; rest: Waiter<V>[] } {
  const keys = new Set<string>();
  const taken: Waiter<V>[] = [];
  const rest: Waiter<V>[] = [];
  for (const waiter of waiting) {
    if (keys.has(waiter.key) || keys.size < batchSize) {
      keys.add(waiter.key);
      taken.push(waiter);
    } else {
      rest.push(waiter);
    }
  }
  return { taken, rest };
}
