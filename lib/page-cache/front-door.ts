import http from "node:http";
import zlib from "node:zlib";
import { isBot } from "next/dist/shared/lib/router/utils/is-bot";
import { DISPLAY_ZONE_COOKIE } from "../time/display-zone-preference";
import { HIDDEN_VENUES_COOKIE } from "../timetable/hidden-venues";
import { joinWithNonce, splitAtNonce, UNCACHEABLE, type PageHtmlStore, type Stored } from "./page-html-store";

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

/** Where the rendered copy comes from, so it passes the front door instead of looping. */
export const FILL_HEADER = "x-expo-page-fill";
/** Stands for the nonce in stored header values. */
const NONCE_MARK = "\u0000nonce\u0000";

// The public pages (app/): home, schedule (all its filter variants), event, venue, national day,
// Pakistan Day, timetable. Private pages, forms, /map (routes need a session) and everything else pass.
const PUBLIC_PAGE = /^\/(?:|schedule|timetable|venues|national-days|pakistan-day|(?:events|venues|national-days)\/[^/?#]+)$/;

// Headers a request for an RSC payload, prefetch or server action carries: Next answers those
// differently from a document request for the same URL.
const NEXT_VARIANT_HEADER = /^(?:rsc|next-.*|x-middleware-.*|purpose|sec-purpose)$/;

// Hop-by-hop and per-response headers of the rendered copy, set afresh on every answer.
const NOT_REPLAYED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

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
}

/** Reads the cookie header: null when a session cookie is present, else the two values the key needs. */
function keyCookies(header: string | undefined): { zone: string | null; hidden: string | null } | null {
  let zone: string | null = null;
  let hidden: string | null = null;
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    const name = (at < 0 ? pair : pair.slice(0, at)).trim();
    if (!name) continue;
    // next-auth.session-token, __Secure-next-auth.session-token and their chunks (.0, .1, …).
    if (name.includes("next-auth.session-token")) return null;
    const value = at < 0 ? "" : pair.slice(at + 1).trim();
    if (name === DISPLAY_ZONE_COOKIE) zone = value;
    else if (name === HIDDEN_VENUES_COOKIE) hidden = value;
  }
  return { zone, hidden };
}

export interface Cacheable {
  key: string;
  cookie: string;
}

/** The cache key of a request the front door may answer, or null when it must reach Next. */
export function cacheableRequest(request: http.IncomingMessage, today: string, secret: string): Cacheable | null {
  if (request.method !== "GET") return null;
  const target = request.url ?? "";
  if (!target.startsWith("/")) return null;
  const queryAt = target.indexOf("?");
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  if (!PUBLIC_PAGE.test(path)) return null;
  if (queryAt >= 0 && new URLSearchParams(target.slice(queryAt + 1)).has("_rsc")) return null;
  for (const name of Object.keys(request.headers)) if (NEXT_VARIANT_HEADER.test(name)) return null;
  if (request.headers[FILL_HEADER] === secret) return null;
  if (isBot(request.headers["user-agent"] ?? "")) return null;
  const cookies = keyCookies(request.headers.cookie);
  if (!cookies) return null;
  const cookie = [
    cookies.zone === null ? null : `${DISPLAY_ZONE_COOKIE}=${cookies.zone}`,
    cookies.hidden === null ? null : `${HIDDEN_VENUES_COOKIE}=${cookies.hidden}`,
  ].filter(Boolean).join("; ");
  // The exact target, not a normalised one: Next embeds the URL as requested in the page's payload.
  return { key: `${today}\n${cookie}\n${target}`, cookie };
}

/** The nonce of a rendered page, from its CSP header. */
function nonceOf(policy: string | string[] | undefined): string | null {
  return typeof policy === "string" ? (/'nonce-([^']+)'/.exec(policy)?.[1] ?? null) : null;
}

/**
 * Asks this server for the page as an anonymous visitor with these cookies would get it, and keeps
 * it if it may be shared: 200, HTML, a nonce CSP, no cookie set. 4xx and 3xx are remembered as
 * uncacheable for this version; 5xx (the database away) and failures store nothing.
 */
export function fillPage(options: FrontDoorOptions, target: string, cookie: string): Promise<Stored | null> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { [FILL_HEADER]: options.secret, accept: "text/html", "accept-encoding": "identity", "user-agent": "expo-page-cache" };
    if (cookie) headers.cookie = cookie;
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
        if (status !== 200 || response.headers["set-cookie"] || !nonce || !html || encoded) return resolve(UNCACHEABLE);
        const replayed: [string, string][] = [];
        for (const [name, value] of Object.entries(response.headers)) {
          if (NOT_REPLAYED.has(name) || value === undefined) continue;
          for (const one of Array.isArray(value) ? value : [value]) replayed.push([name, one.split(nonce).join(NONCE_MARK)]);
        }
        const body = Buffer.concat(chunks);
        resolve({ status, headers: replayed, parts: splitAtNonce(body, nonce), bytes: body.length + 1024 });
      });
    });
    request.on("timeout", () => request.destroy(new Error("page fill timed out")));
    request.on("error", reject);
  });
}

/** Writes a stored page with a fresh nonce, gzipped when the client takes it (as Next would). */
function answer(options: FrontDoorOptions, request: http.IncomingMessage, response: http.ServerResponse, page: Exclude<Stored, typeof UNCACHEABLE>): void {
  const nonce = options.createNonce();
  const body = joinWithNonce(page.parts, nonce);
  let vary = false;
  for (const [name, value] of page.headers) {
    response.appendHeader(name, value.split(NONCE_MARK).join(nonce));
    if (name === "vary" && /accept-encoding/i.test(value)) vary = true;
  }
  if (!vary) response.appendHeader("vary", "Accept-Encoding");
  if (!/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
    response.writeHead(page.status, { "content-length": body.length });
    response.end(body);
    return;
  }
  // Level 1 on the thread pool: a few hundred microseconds for a 100 KB page, off the event loop.
  zlib.gzip(body, { level: 1 }, (error, zipped) => {
    if (error) {
      response.writeHead(page.status, { "content-length": body.length });
      response.end(body);
      return;
    }
    response.writeHead(page.status, { "content-encoding": "gzip", "content-length": zipped.length });
    response.end(zipped);
  });
}

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;
export type FrontDoor = (request: http.IncomingMessage, response: http.ServerResponse, next: Handler) => void;

/**
 * Wraps the server's request handler: anonymous requests for public pages are answered from the
 * store (filled on a miss, one fill per key and version); everything else reaches `next` as before.
 */
export function frontDoor(options: FrontDoorOptions): FrontDoor {
  return (request, response, next) => {
    const cacheable = cacheableRequest(request, options.today(), options.secret);
    if (!cacheable) return next(request, response);
    void (async () => {
      let stored: Stored | null = null;
      try {
        const version = await options.version();
        stored = await options.store.get(cacheable.key, version, () => fillPage(options, request.url ?? "/", cacheable.cookie));
      } catch {
        // The version unknown (database away before any read) or the fill failed: Next answers.
      }
      if (stored && stored !== UNCACHEABLE && !response.headersSent) answer(options, request, response, stored);
      else next(request, response);
    })();
  };
}
