// GET /api/events as a Response: the route's whole work, in one function so the page front door can
// fill a search nobody asked before by calling it in process instead of a request to this same
// server (lib/page-cache/direct-fill.ts, docs/decisions/024). Both produce the same bytes and ETag.
import "server-only";
import { cachedJsonResponse } from "../cache/cached-response";
import { normalisedQuery } from "../cache/programme-reads";
import { badRequest, jsonOk } from "../http/problems";
import { publicBaseUrl } from "../http/public-base-url";
import { cachedListEvents } from "./cached-reads";

/** The answer to GET /api/events?…: a page of events (stored per programme version and query), or a 400 naming the problems. */
export function answerEventsRequest(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const baseUrl = publicBaseUrl(request);
  return cachedJsonResponse(request, `api-events ${baseUrl} ${normalisedQuery(params)}`, async () => {
    const result = await cachedListEvents(params, baseUrl);
    return result.ok ? jsonOk(result.value) : badRequest(result.details);
  });
}
