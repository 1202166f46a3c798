// limit and cursor: the paging parameters shared by GET /api/events and /schedule.
import { z } from "zod";
import { decodeEventCursor, type EventCursor } from "./event-cursor";
import { problemsFromZod, readSearchParams, type ParseResult } from "./event-filters";

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
