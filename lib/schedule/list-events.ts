// Events page by page, for GET /api/events and /schedule: keyset paging on (startsAt, id), the
// limit and cursor parameters, and the signed cursor itself. The cursor is the (startsAt, id) of
// the last event shown, signed with an HMAC so a client can neither forge nor edit one (a bad
// cursor is a 400, never a query with made-up values). Opaque on purpose: clients must not build
// cursors themselves.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { prisma, type Prisma } from "../db";
import { problemsFromZod, type ParseResult } from "../http/problems";
import { parseEventFilters, readSearchParams, resolveEventFilters, type EventFilters } from "./event-filters";
import { eventRowSelect, toEventJson, type EventJson, type EventRow } from "./event-row";
import { indexedEventJson, searchEvents } from "./search-events";

export interface EventCursor {
  startsAt: Date;
  id: number;
}

const DEV_KEY = "expo-2017-schedule-cursor-dev-key";
const MAX_CURSOR_LENGTH = 200;

function cursorKey(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  return secret && secret.trim() !== "" ? `cursor:${secret}` : DEV_KEY;
}

function sign(payload: string, key: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url").slice(0, 22);
}

export function encodeEventCursor(cursor: EventCursor, key: string = cursorKey()): string {
  const payload = Buffer.from(JSON.stringify({ s: cursor.startsAt.toISOString(), i: cursor.id })).toString("base64url");
  return `${payload}.${sign(payload, key)}`;
}

/** The cursor, or null when the token is garbled, edited or signed with another key. */
export function decodeEventCursor(token: string, key: string = cursorKey()): EventCursor | null {
  if (token.length > MAX_CURSOR_LENGTH) return null;
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length) return null;
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null) return null;
    const { s, i } = value as { s?: unknown; i?: unknown };
    if (typeof s !== "string" || typeof i !== "number" || !Number.isSafeInteger(i)) return null;
    const startsAt = new Date(s);
    return Number.isNaN(startsAt.getTime()) ? null : { startsAt, id: i };
  } catch {
    return null;
  }
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const PAGING_KEYS = ["limit", "cursor"] as const;

export const pagingSchema = z.object({
  limit: z
    .string()
    .regex(/^\d{1,6}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(1, "must be at least 1").max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`))
    .optional(),
  cursor: z.string().optional(),
});

export interface Paging {
  limit: number;
  after: EventCursor | null;
}

type SearchParamsLike = Parameters<typeof readSearchParams>[0];

export function parsePaging(params: SearchParamsLike, defaultLimit: number = DEFAULT_LIMIT): ParseResult<Paging> {
  const raw = readSearchParams(params, PAGING_KEYS);
  if (!raw.ok) return raw;
  const parsed = pagingSchema.safeParse(raw.value);
  const details = parsed.success ? [] : problemsFromZod(parsed.error);
  const cursor = raw.value.cursor;
  const after = cursor === undefined ? null : decodeEventCursor(cursor);
  if (cursor !== undefined && !after) details.push({ parameter: "cursor", message: "is not a cursor this server issued" });
  if (!parsed.success || details.length) return { ok: false, details };
  return { ok: true, value: { limit: parsed.data.limit ?? defaultLimit, after } };
}

export interface EventPage {
  rows: EventRow[];
  /** Where the next page starts, or null on the last page. */
  next: EventCursor | null;
}

/**
 * One page of events in (startsAt, id) order — keyset paging, served by Event_startsAt_id_idx or by
 * the filter's own (column, startsAt) index. Asks for one row more than the limit to learn whether
 * another page exists.
 */
export async function findEventPage(
  where: Prisma.EventWhereInput,
  { limit, after }: { limit: number; after?: EventCursor | null },
): Promise<EventPage> {
  const afterCursor: Prisma.EventWhereInput | undefined = after
    ? { OR: [{ startsAt: { gt: after.startsAt } }, { startsAt: after.startsAt, id: { gt: after.id } }] }
    : undefined;
  const rows = await prisma.event.findMany({
    where: afterCursor ? { AND: [where, afterCursor] } : where,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: eventRowSelect,
  });
  if (rows.length <= limit) return { rows, next: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: { startsAt: last.startsAt, id: last.id } };
}

export interface EventListJson {
  events: EventJson[];
  nextCursor: string | null;
}

async function findFilteredPage(filters: EventFilters, paging: Paging): Promise<ParseResult<EventPage>> {
  const resolved = await resolveEventFilters(filters);
  return resolved.ok ? { ok: true, value: await findEventPage(resolved.value.where, paging) } : resolved;
}

/**
 * GET /api/events: every problem with the query is reported at once, then one page is read: a
 * search from the in-memory index (docs/decisions/024), other selections by their SQL index.
 */
export async function listEvents(params: URLSearchParams, baseUrl: string): Promise<ParseResult<EventListJson>> {
  const filters = parseEventFilters(params);
  const paging = parsePaging(params);
  if (!filters.ok || !paging.ok) {
    return { ok: false, details: [...(filters.ok ? [] : filters.details), ...(paging.ok ? [] : paging.details)] };
  }
  const search = Boolean(filters.value.q);
  const page = search ? await searchEvents(filters.value, paging.value) : await findFilteredPage(filters.value, paging.value);
  if (!page.ok) return page;
  return {
    ok: true,
    value: {
      events: page.value.rows.map((row) => (search ? indexedEventJson(row, baseUrl) : toEventJson(row, baseUrl))),
      nextCursor: page.value.next ? encodeEventCursor(page.value.next) : null,
    },
  };
}
