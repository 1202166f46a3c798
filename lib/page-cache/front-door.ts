import http from "node:http";
import zlib from "node:zlib";
import { isBot } from "next/dist/shared/lib/router/utils/is-bot";
import type { Fill } from "./direct-fill";
import { DISPLAY_ZONE_COOKIE } from "../time/display-zone-preference";
import { HIDDEN_VENUES_COOKIE } from "../timetable/hidden-venues";
import { joinWithNonce, splitAtNonce, UNCACHEABLE, type PageHtmlStore, type Stored, type StoredPage } from "./page-html-store";
import { detachFlight, FLIGHT_PATH, readFlightRequest } from "./detached-flight";

// Anonymous visitors' public pages answered from stored HTML before Next sees the request
// (docs/decisions/022-cached-page-html.md). Next renders every page per request because of the
// per-request nonce CSP (decision 008): ~40 day pages a second. Here a page is rendered once per
// programme version and key, by Next itself (a request to this same server carrying FILL_HEADER),
// and every later anonymous request gets those bytes with a fresh nonce in the HTML and the CSP.
// Whatever the HTML depends on is in the key or makes the request pass straight to Next:
// - the session: any next-auth session cookie passes (signed-in pages show saved marks);
// - the display zone and the timetable's hidden venues: their cookies' values are in the key;
// - "today" in Astana (pages without a date show it): the day is in the key;
// - the programme: the store is per version and drops everything when it changes;
// - the build: the store lives in the process, and a process serves one build;
// - Next's own variants (RSC payloads, prefetches, server actions, bots' blocking metadata)
//   are never cached: those requests pass.
// Public data (the programme's JSON, the public feeds) goes through the same store, keyed by Host
// and target and answered with its stored bytes (a 304 for its ETag): no router, no route handler.

/** Where the rendered copy comes from, so it passes the front door instead of looping. */
export const FILL_HEADER = "x-expo-page-fill";
/** A payload request's start (./detached-flight.ts), tested on every request. */
const FLIGHT_QUERY = FLIGHT_PATH + "?";
/** Stands for the nonce in stored header values. */
const NONCE_MARK = "\u0000nonce\u0000";

// The public pages (app/): home, schedule (all its filter variants), event, venue, national day,
// Pakistan Day, timetable. Private pages, forms, /map (routes need a session) and everything else pass.
export const PUBLIC_PAGE = /^\/(?:|schedule|timetable|venues|national-days|pakistan-day|(?:events|venues|national-days)\/[^/?#]+)$/;

// Public data (docs/decisions/004, 006): the programme's JSON and the public feeds. The same for
// every visitor; their absolute URLs name NEXTAUTH_URL, or the Host when it is unset, so the Host
// is in their key. Private feeds (/calendar/u/…) and everything per user are not here.
const PUBLIC_DATA = /^\/(?:api\/(?:events|venues|national-days)(?:\/[^/?#]+)?|calendar\/expo-2017\.ics|calendar\/events\/[^/?#]+)$/;

// Headers a request for an RSC payload, prefetch or server action carries: Next answers those
// differently from a document request for the same URL.
const NEXT_VARIANT_HEADER = /^(?:rsc|next-.*|x-middleware-.*|purpose|sec-purpose)$/;

// Hop-by-hop and per-response headers of the rendered copy, set afresh on every answer.
const NOT_REPLAYED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

/** An RSC payload, prefetch or server action for a page's URL, not a request for its document. */
export function isNextVariant(request: http.IncomingMessage, target: string): boolean {
  const queryAt = target.indexOf("?");
  if (queryAt >= 0 && new URLSearchParams(target.slice(queryAt + 1)).has("_rsc")) return true;
  return Object.keys(request.headers).some((name) => NEXT_VARIANT_HEADER.test(name));
}

export interface FrontDoorOptions {
  store: PageHtmlStore;
  /** The programme version to key by (lib/cache/programme-reads.ts). */
  version: () => Promise<string>;
  /** Today's expo day in Astana, for pages that show "today" without a date. */
  today: () => string;
  /** Base URL of this very server, where fills are requested. */
  origin: () => string;
  /** Unguessable, per process: only this process's own fills bypass the front door. */
  secret: string;
  createNonce: () => string;
  /** How a miss is filled when not through Next (./direct-fill.ts); without it, always through Next. */
  fill?: Fill;
}

/** Reads the cookie header: null when a session cookie is present (unless `anySession`), else the two values the key needs. */
function keyCookies(header: string | undefined, anySession = false): { zone: string | null; hidden: string | null } | null {
  let zone: string | null = null;
  let hidden: string | null = null;
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    const name = (at < 0 ? pair : pair.slice(0, at)).trim();
    if (!name) continue;
    // next-auth.session-token, __Secure-next-auth.session-token and their chunks (.0, .1, …).
    if (name.includes("next-auth.session-token")) {
      if (anySession) continue;
      return null;
    }
    const value = at < 0 ? "" : pair.slice(at + 1).trim();
    if (name === DISPLAY_ZONE_COOKIE) zone = value;
    else if (name === HIDDEN_VENUES_COOKIE) hidden = value;
  }
  return { zone, hidden };
}

export interface Cacheable {
  kind: "page" | "data";
  key: string;
  /** Request headers the fill sends (the key's cookies, the Host for data). */
  headers: http.OutgoingHttpHeaders;
}

/** A public data answer's key: the Host and the exact target. Conditional requests other than If-None-Match and ranges go to Next. */
function cacheableData(request: http.IncomingMessage, target: string): Cacheable | null {
  if (request.headers["if-modified-since"] || request.headers.range || request.headers["if-range"]) return null;
  const host = request.headers.host ?? "";
  return { kind: "data", key: `data\n${host}\n${target}`, headers: { host } };
}

/** The cache key of a request the front door may answer, or null when it must reach Next. */
export function cacheableRequest(request: http.IncomingMessage, today: string, secret: string): Cacheable | null {
  if (request.method !== "GET") return null;
  const target = request.url ?? "";
  if (!target.startsWith("/")) return null;
  if (request.headers[FILL_HEADER] === secret) return null;
  const queryAt = target.indexOf("?");
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  if (PUBLIC_DATA.test(path)) return cacheableData(request, target);
  if (!PUBLIC_PAGE.test(path)) return null;
  if (isNextVariant(request, target)) return null;
  if (isBot(request.headers["user-agent"] ?? "")) return null;
  return pageCacheable(target, keyCookies(request.headers.cookie), today);
}

/** A page's key for an anonymous visitor with these cookies' values (null: not cacheable). */
function pageCacheable(target: string, cookies: ReturnType<typeof keyCookies>, today: string): Cacheable | null {
  if (!cookies) return null;
  const cookie = [
    cookies.zone === null ? null : `${DISPLAY_ZONE_COOKIE}=${cookies.zone}`,
    cookies.hidden === null ? null : `${HIDDEN_VENUES_COOKIE}=${cookies.hidden}`,
  ].filter(Boolean).join("; ");
  // The exact target, not a normalised one: Next embeds the URL as requested in the page's payload.
  return { kind: "page", key: `page\n${today}\n${cookie}\n${target}`, headers: cookie ? { cookie } : {} };
}

/** The nonce of a rendered page, from its CSP header. */
function nonceOf(policy: string | string[] | undefined): string | null {
  return typeof policy === "string" ? (/'nonce-([^']+)'/.exec(policy)?.[1] ?? null) : null;
}

/**
 * Asks this server for the answer an anonymous visitor with the key's cookies (and Host) would get,
 * and keeps it if it may be shared: 200, no cookie set, not encoded; a page must be HTML with a nonce
 * CSP. 4xx and 3xx are remembered as uncacheable for this version; 5xx (the database away) and
 * failures store nothing.
 */
export function fillPage(options: FrontDoorOptions, target: string, cacheable: Cacheable): Promise<Stored | null> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { ...cacheable.headers, [FILL_HEADER]: options.secret, accept: "*/*", "accept-encoding": "identity", "user-agent": "expo-page-cache" };
    const request = http.get(new URL(target, options.origin()), { headers, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const status = response.statusCode ?? 500;
        if (status >= 500) return resolve(null);
        const nonce = nonceOf(response.headers["content-security-policy"]);
        const html = String(response.headers["content-type"] ?? "").startsWith("text/html");
        const encoded = (response.headers["content-encoding"] ?? "identity") !== "identity";
        const shareable = status === 200 && !response.headers["set-cookie"] && !encoded;
        if (!shareable || (cacheable.kind === "page" && (!nonce || !html))) return resolve(UNCACHEABLE);
        const replayed: [string, string][] = [];
        for (const [name, value] of Object.entries(response.headers)) {
          if (NOT_REPLAYED.has(name) || value === undefined) continue;
          for (const one of Array.isArray(value) ? value : [value]) replayed.push([name, nonce ? one.split(nonce).join(NONCE_MARK) : one]);
        }
        const body = Buffer.concat(chunks);
        const etag = typeof response.headers.etag === "string" ? response.headers.etag : null;
        const detached = cacheable.kind === "page" && nonce ? detachFlight(body.toString("utf8"), target, nonce) : null;
        if (!detached || !nonce) return resolve({ status, headers: replayed, parts: nonce ? splitAtNonce(body, nonce) : [body], bytes: body.length + 1024, etag, gzipped: null });
        const flight = { id: detached.id, parts: splitAtNonce(Buffer.from(detached.flight), nonce) };
        const page = Buffer.from(detached.html);
        resolve({ status, headers: replayed, parts: splitAtNonce(page, nonce), bytes: page.length + detached.flight.length + 1024, etag, gzipped: null, flight });
      });
    });
    request.on("timeout", () => request.destroy(new Error("page fill timed out")));
    request.on("error", reject);
  });
}

/** Whether an If-None-Match header names this ETag (a list, or "*"; weak comparison, RFC 9110 §13.1.2). */
function notModified(ifNoneMatch: string | undefined, etag: string | null): boolean {
  if (!ifNoneMatch || !etag) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === bare);
}

/**
 * Writes a stored answer: a page with a fresh nonce (gzipped per response when the client takes
 * it, as Next would), data as stored (gzipped once, then kept), or a 304 for its ETag.
 */
function answer(options: FrontDoorOptions, request: http.IncomingMessage, response: http.ServerResponse, page: StoredPage): void {
  const nonce = page.parts.length > 1 ? options.createNonce() : "";
  let vary = false;
  for (const [name, value] of page.headers) {
    if (name === "vary" && /accept-encoding/i.test(value)) vary = true;
    response.appendHeader(name, nonce ? value.split(NONCE_MARK).join(nonce) : value);
  }
  if (notModified(request.headers["if-none-match"], page.etag)) {
    response.removeHeader("content-type");
    response.writeHead(304);
    response.end();
    return;
  }
  if (!vary) response.appendHeader("vary", "Accept-Encoding");
  const body = joinWithNonce(page.parts, nonce);
  const gzip = body.length > 1024 && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  if (!gzip) {
    response.writeHead(page.status, { "content-length": body.length });
    response.end(body);
    return;
  }
  if (page.parts.length === 1 && page.gzipped) {
    response.writeHead(page.status, { "content-encoding": "gzip", "content-length": page.gzipped.length });
    response.end(page.gzipped);
    return;
  }
  // On the thread pool, off the event loop: pages at level 1 (a few hundred microseconds for
  // 100 KB), data at the default level once, then kept — gzipSync of a ~900 KB public feed held
  // the loop for tens of milliseconds (docs/decisions/012-bounded-feed-builds-and-malformed-requests.md).
  const data = page.parts.length === 1;
  zlib.gzip(body, { level: data ? zlib.constants.Z_DEFAULT_COMPRESSION : 1 }, (error, zipped) => {
    if (data && !error) page.gzipped ??= zipped;
    if (error) {
      response.writeHead(page.status, { "content-length": body.length });
      response.end(body);
      return;
    }
    response.writeHead(page.status, { "content-encoding": "gzip", "content-length": zipped.length });
    response.end(zipped);
  });
}

/** What the store holds for `target` at the current version, filled on a miss; null when neither could be had. */
async function storedAnswer(options: FrontDoorOptions, target: string, cacheable: Cacheable): Promise<Stored | null> {
  try {
    const version = await options.version();
    const throughNext = () => fillPage(options, target, cacheable);
    return await options.store.get(cacheable.key, version, () => (options.fill ? options.fill(target, cacheable, throughNext) : throughNext()));
  } catch {
    return null;
  }
}

function sendJson(response: http.ServerResponse, status: number, body: string | Buffer, gzip: boolean): void {
  const headers: http.OutgoingHttpHeaders = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", vary: "Accept-Encoding" };
  if (!gzip) return void response.writeHead(status, { ...headers, "content-length": Buffer.byteLength(body) }).end(body);
  zlib.gzip(body, { level: 1 }, (error, zipped) => {
    if (error) return void response.writeHead(status, { ...headers, "content-length": Buffer.byteLength(body) }).end(body);
    response.writeHead(status, { ...headers, "content-encoding": "gzip", "content-length": zipped.length }).end(zipped);
  });
}

/**
 * A stored page's RSC payload (./detached-flight.ts), joined with the asking document's nonce: the
 * page's entry for these cookies' values, rendered again if it is gone, and served only if its payload
 * is the one the document names. A session cookie set since the page loaded does not change which
 * anonymous page that was. Otherwise 404: the loader then leaves the page working without the app.
 */
async function answerFlight(options: FrontDoorOptions, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const url = request.url ?? "";
  const asked = readFlightRequest(url.slice(url.indexOf("?") + 1));
  const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  if ("error" in asked) return sendJson(response, 400, JSON.stringify({ error: asked.error }), false);
  const path = asked.page.split("?")[0];
  const cacheable = PUBLIC_PAGE.test(path) ? pageCacheable(asked.page, keyCookies(request.headers.cookie, true), options.today()) : null;
  // The database away, or the render failed (null): the same answer as a payload no longer held.
  const stored = cacheable ? await storedAnswer(options, asked.page, cacheable) : null;
  if (!stored || stored === UNCACHEABLE || stored.flight?.id !== asked.id) {
    return sendJson(response, 404, JSON.stringify({ error: "This page's app data is no longer held here (the programme changed since it loaded): reload the page." }), false);
  }
  sendJson(response, 200, joinWithNonce(stored.flight.parts, asked.nonce), gzip);
}

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;
export type FrontDoor = (request: http.IncomingMessage, response: http.ServerResponse, next: Handler) => void;

/**
 * Wraps the server's request handler: anonymous requests for public pages are answered from the
 * store (filled on a miss, one fill per key and version); everything else reaches `next` as before.
 */
export function frontDoor(options: FrontDoorOptions): FrontDoor {
  return (request, response, next) => {
    if (request.method === "GET" && (request.url ?? "").startsWith(FLIGHT_QUERY)) {
      answerFlight(options, request, response).catch((error: Error) => response.destroy(error));
      return;
    }
    const cacheable = cacheableRequest(request, options.today(), options.secret);
    if (!cacheable) return next(request, response);
    void (async () => {
      // Null when the version is unknown (database away before any read) or the fill failed: Next answers.
      const stored = await storedAnswer(options, request.url ?? "/", cacheable);
      if (stored && stored !== UNCACHEABLE && !response.headersSent) answer(options, request, response, stored);
      else next(request, response);
    })();
  };
}
