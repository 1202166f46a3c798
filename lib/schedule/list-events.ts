import "server-only";
import { encodeEventCursor } from "./event-cursor";
import { parseEventFilters, type ParseResult } from "./event-filters";
import { parsePaging } from "./event-paging";
import { toEventJson, type EventJson } from "./event-row";
import { findEventPage } from "./find-event-page";
import { resolveEventFilters } from "./resolve-event-filters";

export interface EventListJson {
  events: EventJson[];
  nextCursor: string | null;
}

/** GET /api/events: every problem with the query is reported at once, then one page is read. */
export async function listEvents(params: URLSearchParams, baseUrl: string): Promise<ParseResult<EventListJson>> {
  const filters = parseEventFilters(params);
  const paging = parsePaging(params);
  if (!filters.ok || !paging.ok) {
    return { ok: false, details: [...(filters.ok ? [] : filters.details), ...(paging.ok ? [] : paging.details)] };
  }
  const resolved = await resolveEventFilters(filters.value);
  if (!resolved.ok) return resolved;
  const page = await findEventPage(resolved.value.where, paging.value);
  return {
    ok: true,
    value: {
      events: page.rows.map((row) => toEventJson(row, baseUrl)),
      nextCursor: page.next ? encodeEventCursor(page.next) : null,
    },
  };
}
