// How the production server is started, wherever it is: `npm start` (./serve.ts), the e2e tests
// and their extra instances, and every bench. Kept apart from ./serve.ts, which opens databases,
// so a test helper can start a server the same way without loading all of that.

export function nextBin(): string {
  return require.resolve("next/dist/bin/next");
}

/**
 * V8 flags of the production server (docs/decisions/025, Update 4). Without
 * --no-allocation-site-pretenuring, V8 decides during a slow spell — the first renders filling the
 * caches, 64 visitors at once, requests living hundreds of milliseconds — that the objects a request
 * allocates live long, and from then on allocates them in the old space for good: at 32
 * connections the old space then grew by ~4 KB per answer and its collections made the tail. With
 * it, ~1 KB, and half the young-generation pause time per answer. Node refuses to start with a
 * flag it does not know (tests/unit/server-node-flags.test.ts).
 */
export const SERVER_NODE_FLAGS = ["--no-allocation-site-pretenuring"];

/**
 * The arguments after `node` that start the production server on `port`: one definition for
 * `npm start`, the e2e tests and every bench, so a flag given to one is given to all.
 */
export function nextStartArgs(port: number): string[] {
  return [...SERVER_NODE_FLAGS, nextBin(), "start", "-p", String(port)];
}
