import http from "node:http";
import { releaseCompressionStream } from "next/dist/server/lib/release-compression-stream";
import { interceptRequests } from "../http/request-hook";
import { STRICT_TRANSPORT_SECURITY } from "../security/content-security-policy";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "../http/database-unavailable";
import { noteDatabaseUnavailable } from "../http/database-outage";
import { itineraryAnswer, type ItineraryAnswer } from "./itinerary-answer";

// GET /api/itinerary for a request carrying a session, answered before Next's router
// (docs/decisions/025-itinerary-at-scale.md). The answer itself costs well under a millisecond of
// CPU (./itinerary-answer.ts); Next's path to a route handler (router, proxy.ts, a Fetch Request,
// async storage) cost more than that again, and at 32 connections every millisecond queues. The
// door sends what the route would (the same function makes the answer) with the headers Next adds
// to it; tests/e2e/itinerary-door.spec.ts compares the two answers header by header. Anything
// else — another method, a query string, no session cookie, an error that is not the database
// being away — passes to Next untouched, whose route gives the same answer the slow way.

/** Exactly the target the door answers; "/api/itinerary?…" and every other path go to Next. */
export const ITINERARY_DOOR_PATH = "/api/itinerary";

// What next.config.js's headers() adds to every path ("/:path*"; tests/unit/itinerary-door-headers.test.ts
// compares), and the Vary Next's base server sets on every app route's answer.
export const NEXT_ADDED_HEADERS: Record<string, string> = {
  vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy":
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
};

// proxy.ts adds HSTS to /api answers when the site is https.
const HSTS = { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY };

type Middleware = (request: http.IncomingMessage, response: http.ServerResponse, next: () => void) => void;
// Next's own compression middleware, set up as `next start` sets it up (next.config.js leaves
// `compress` on): the same negotiation, gzip even for small answers (a route's answer has no
// Content-Length, so none is sent here either) and `Vary: Accept-Encoding`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Next's compiled copy has no types
const compress = (require("next/dist/compiled/compression") as () => Middleware)();

/** Whether the door answers this request: GET of exactly the path, with a session to read. */
export function isItineraryDoorRequest(request: http.IncomingMessage): boolean {
  if (request.method !== "GET" || request.url !== ITINERARY_DOOR_PATH) return false;
  // next-auth.session-token, __Secure-next-auth.session-token and their chunks; or a Bearer token.
  return (request.headers.cookie?.includes("next-auth.session-token") ?? false) || request.headers.authorization !== undefined;
}

async function unavailable(): Promise<ItineraryAnswer> {
  const response = databaseUnavailableResponse();
  return { status: 503, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
}

// What the compression middleware leaves of an answer it does not compress: `Vary` (under that
// name, in the place of Next's) gains Accept-Encoding, and the answer goes out chunked, unchanged.
const { vary, ...NEXT_ADDED_REST } = NEXT_ADDED_HEADERS;
const UNCOMPRESSED_HEADERS: Record<string, string> = { Vary: `${vary}, Accept-Encoding`, ...NEXT_ADDED_REST };

/**
 * Whether the middleware would send this request's answer uncompressed: it asks for no encoding
 * (wrk, curl, most API clients) or only identity. Those answers are written directly: the
 * middleware's wrappers of writeHead/write/end and its negotiation were ~5 % of the door's CPU.
 */
function takesIdentityOnly(request: http.IncomingMessage): boolean {
  const accepted = request.headers["accept-encoding"];
  return accepted === undefined || accepted.trim() === "" || accepted.trim() === "identity";
}

function send(request: http.IncomingMessage, response: http.ServerResponse, answer: ItineraryAnswer, https: boolean): void {
  if (takesIdentityOnly(request)) {
    // writeHead before end, without a Content-Length: chunked, as through the middleware.
    response.writeHead(answer.status, { ...UNCOMPRESSED_HEADERS, ...(https ? HSTS : {}), ...answer.headers });
    response.end(answer.body);
    return;
  }
  compress(request, response, () => {});
  // As Next does: a client gone before the end would otherwise leave the zlib stream open.
  response.once("close", () => {
    if (!response.writableFinished) releaseCompressionStream(response);
  });
  response.writeHead(answer.status, { ...NEXT_ADDED_HEADERS, ...(https ? HSTS : {}), ...answer.headers });
  response.end(answer.body);
}

/** The door: answers a matching request, or calls `pass` to hand it to Next unchanged. */
export function itineraryDoor(https: boolean) {
  return (request: http.IncomingMessage, response: http.ServerResponse, pass: () => void): void => {
    if (!isItineraryDoorRequest(request)) return pass();
    const authorization = request.headers.authorization;
    itineraryAnswer({ cookies: request.headers.cookie ?? null, authorization: authorization ?? null }).then(
      (answer) => send(request, response, answer, https),
      async (error: unknown) => {
        if (!isDatabaseUnavailable(error)) return pass();
        noteDatabaseUnavailable();
        send(request, response, await unavailable(), https);
      },
    );
  };
}

const parked = globalThis as unknown as { expoItineraryDoor?: boolean };

/** Puts the door in front of every http.Server of this process (as lib/page-cache/install.ts does). */
export function installItineraryDoor(https: boolean): void {
  if (parked.expoItineraryDoor) return;
  parked.expoItineraryDoor = true;
  interceptRequests(itineraryDoor(https));
}
