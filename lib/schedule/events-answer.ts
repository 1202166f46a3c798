// GET /api/events: the route's whole work, in one function so the page front door can fill a search
// nobody asked before in process instead of by a request to this same server
// (lib/page-cache/direct-fill.ts, docs/decisions/024). The route sends eventsAnswer's stored text
// as a Response; the front door sends the same text without building a Request or a Response.
import "server-only";
import { cachedJsonResponse, storedJson, type JsonBuild, type StoredJson } from "../cache/cached-response";
import { normalisedQuery } from "../cache/programme-reads";
import { badRequest, PUBLIC_CACHE_CONTROL } from "../http/problems";
import { publicBaseUrl } from "../http/public-base-url";
import { listEvents } from "./list-events";

function eventsKey(params: URLSearchParams, baseUrl: string): string {
  return `api-events ${baseUrl} ${normalisedQuery(params)}`;
}

// Not through cachedListEvents: the answer's text is what is kept (per version and query), so
// keeping the list it was made from as well would hold every answer twice.
function buildEvents(params: URLSearchParams, baseUrl: string): () => Promise<JsonBuild> {
  return async () => {
    const result = await listEvents(params, baseUrl);
    return result.ok ? { ok: true, value: result.value, cacheControl: PUBLIC_CACHE_CONTROL } : { ok: false, response: badRequest(result.details) };
  };
}

/** GET /api/events?<params> with absolute URLs under `baseUrl`: the stored 200 text, or the 400 naming the problems. */
export function eventsAnswer(params: URLSearchParams, baseUrl: string): Promise<StoredJson | Response> {
  return storedJson(eventsKey(params, baseUrl), buildEvents(params, baseUrl));
}

/** The answer to GET /api/events?…: a page of events (stored per programme version and query), a 304 for its ETag, or a 400. */
export function answerEventsRequest(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const baseUrl = publicBaseUrl(request);
  return cachedJsonResponse(request, eventsKey(params, baseUrl), buildEvents(params, baseUrl));
}
