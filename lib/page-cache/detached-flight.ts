import { createHash } from "node:crypto";
import { APP_FLIGHT_SOURCE_ATTRIBUTE, APP_FLIGHT_TYPE } from "./app-on-intent-loader";

// A stored page's RSC payload leaves its document and is fetched by the loader when the app starts
// (docs/decisions/030-rsc-payload-out-of-stored-pages.md). On `date=all` it was 170 KB of the
// document's 282 KB (16 of its 30 KB gzipped): bytes a phone downloads and the parser scans before
// the load event, for a runtime that only runs on the first intent. Only stored pages detach it: their
// payload is kept beside their HTML, so the loader gets exactly the render its HTML came from (a
// content hash in the URL says which), joined with the document's own nonce.

/** Where the loader asks for a stored page's payload; answered by the page front door. */
export const FLIGHT_PATH = "/_app/flight";

const INERT_OPEN = `<script type="${APP_FLIGHT_TYPE}">self.__next_f.push(`;
const INERT_CLOSE = ")</script>";

export interface DetachedFlight {
  /** The document without its payload, a marker naming where the payload is in its place. */
  html: string;
  /** The payload: a JSON array of the segments the inert scripts pushed, in document order. */
  flight: string;
  /** The payload's content hash, in the marker's URL. */
  id: string;
}

/** The id of a payload: a hash of its text without the render's nonce, so two renders of the same page agree. */
export function flightId(flight: string, nonce: string): string {
  return createHash("sha256").update(flight.split(nonce).join("\u0000")).digest("base64url").slice(0, 22);
}

/**
 * Takes the inert payload scripts (lib/page-cache/app-on-intent.ts) out of `html`, or null when it has
 * none. Next writes each argument with JSON.stringify and escapes "<" inside strings, so the first
 * ")</script>" after an opening closes it.
 */
export function detachFlight(html: string, target: string, nonce: string): DetachedFlight | null {
  const segments: string[] = [];
  const kept: string[] = [];
  let from = 0;
  let first = -1;
  for (let at = html.indexOf(INERT_OPEN, from); at >= 0; at = html.indexOf(INERT_OPEN, from)) {
    const end = html.indexOf(INERT_CLOSE, at + INERT_OPEN.length);
    if (end < 0) break;
    kept.push(html.slice(from, at));
    // The first removal: everything before it is kept as it was.
    if (first < 0) first = at;
    segments.push(html.slice(at + INERT_OPEN.length, end));
    from = end + INERT_CLOSE.length;
  }
  if (segments.length === 0) return null;
  kept.push(html.slice(from));
  const rest = kept.join("");
  const flight = `[${segments.join(",")}]`;
  const id = flightId(flight, nonce);
  const source = `${FLIGHT_PATH}?page=${encodeURIComponent(target)}&amp;id=${id}`;
  const marker = `<script type="${APP_FLIGHT_TYPE}" ${APP_FLIGHT_SOURCE_ATTRIBUTE}="${source}"></script>`;
  return { html: rest.slice(0, first) + marker + rest.slice(first), flight, id };
}

export type FlightRequest = { page: string; id: string; nonce: string } | { error: string };

const ID = /^[\w-]{22}$/;
// createNonce's base64 of 16 bytes (lib/security/content-security-policy.ts), or base64url.
const NONCE = /^[\w+/=-]{16,64}$/;

/** Reads a payload request's query; an error names the parameter that is missing or malformed. */
export function readFlightRequest(query: string): FlightRequest {
  const params = new URLSearchParams(query);
  const page = params.get("page");
  const id = params.get("id");
  const nonce = params.get("nonce");
  if (!page || !page.startsWith("/") || page.startsWith("//")) return { error: "page must be the path of the page whose payload is asked for" };
  if (!id || !ID.test(id)) return { error: "id must be the 22-character payload id the page names" };
  if (!nonce || !NONCE.test(nonce)) return { error: "nonce must be the page's script nonce" };
  return { page, id, nonce };
}
