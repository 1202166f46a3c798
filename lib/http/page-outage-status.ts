import http from "node:http";
import { isDatabaseKnownDown } from "./database-outage";
import { interceptRequests } from "./request-hook";
import { RETRY_AFTER_SECONDS } from "./database-unavailable";

// A page whose data is not cached fails while the database is away; Next renders app/error.tsx
// (a message without internals) with status 500, and gives a page no way to choose another status
// for a thrown error (docs/decisions/023). So the status is corrected where it is written: this
// wraps the 'request' event of every http.Server in the process (installed once, from
// instrumentation.ts) and, for pages only, turns a 500 written while the database is known to be
// away into 503 + Retry-After + no-store. A 500 while the database is up stays a 500 (a bug).
// API routes and feeds answer their own 503 JSON (withDatabase) and are left alone.

const NOT_A_PAGE = /^\/(?:api(?:\/|\?|$)|calendar\/|_next\/)/;

let installed = false;

/** Whether a page answer about to be written with `status` should become a 503. */
export function shouldAnswerUnavailable(path: string, status: number, known = isDatabaseKnownDown): boolean {
  return status === 500 && !NOT_A_PAGE.test(path) && known();
}

function correctStatus(request: http.IncomingMessage, response: http.ServerResponse): void {
  const path = request.url ?? "/";
  if (NOT_A_PAGE.test(path)) return;
  const writeHead = response.writeHead;
  // Node writes the implicit head through writeHead(this.statusCode) too, so this sees every answer.
  response.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    const status = typeof args[0] === "number" ? args[0] : this.statusCode;
    if (shouldAnswerUnavailable(path, status)) {
      if (typeof args[0] === "number") args[0] = 503;
      this.statusCode = 503;
      // Headers passed as an argument win over setHeader, so both places are corrected.
      this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      this.setHeader("Cache-Control", "no-store");
      const passed = args.find((arg): arg is Record<string, unknown> => typeof arg === "object" && arg !== null && !Array.isArray(arg));
      if (passed) {
        for (const name of Object.keys(passed)) if (/^(cache-control|retry-after)$/i.test(name)) delete passed[name];
      }
    }
    return (writeHead as (...inner: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof response.writeHead;
}

export function installPageOutageStatus(): void {
  if (installed) return;
  installed = true;
  interceptRequests((request, response, pass) => {
    correctStatus(request, response);
    pass();
  });
}
