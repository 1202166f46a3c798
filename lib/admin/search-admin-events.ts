import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { searchWords } from "../schedule/event-filters";
import { isSlug } from "../http/paths";
import { astanaDayRange, parseIsoDate } from "../time/astana";
import { adminEventJson } from "./event-row";
import { problemsOf } from "./event-input";
import { STORED_EVENT_SELECT } from "./stored-event";

// The organisers' list: any event by day, venue or words (the same trigram-indexed searchText as
// the public search), cancelled ones included, 100 at a time in programme order.

export const adminEventSearchSchema = z.object({
  day: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || parseIsoDate(value) !== null, "must be a date YYYY-MM-DD"),
  venue: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || isSlug(value), "must be a venue slug"),
  q: z.string().max(200, "must be at most 200 characters").optional(),
  page: z.coerce.number().int().min(1).max(1000).optional().default(1),
});

export type AdminEventSearch = z.output<typeof adminEventSearchSchema>;
export const ADMIN_PAGE_SIZE = 100;

export async function listAdminEvents(search: AdminEventSearch) {
  const range = search.day ? astanaDayRange(search.day) : undefined;
  const where = {
    ...(range && { startsAt: { gte: range.start, lt: range.end } }),
    ...(search.venue && { venue: { slug: search.venue } }),
    AND: searchWords(search.q).map((word) => ({ searchText: { contains: word } })),
  };
  const [rows, total] = await Promise.all([
    prisma.event.findMany({
      where,
      select: STORED_EVENT_SELECT,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      skip: (search.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
    }),
    prisma.event.count({ where }),
  ]);
  return { events: rows.map(adminEventJson), total, page: search.page, pageSize: ADMIN_PAGE_SIZE };
}

export async function searchAdminEvents(params: URLSearchParams): Promise<{ status: number; body: unknown }> {
  const parsed = adminEventSearchSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return { status: 400, body: { error: "Invalid query parameter", details: problemsOf(parsed.error) } };
  return { status: 200, body: await listAdminEvents(parsed.data) };
}

export async function getAdminEvent(slug: string): Promise<{ status: number; body: unknown }> {
  const row = isSlug(slug) ? await prisma.event.findUnique({ where: { slug }, select: STORED_EVENT_SELECT }) : null;
  if (!row) return { status: 404, body: { error: `No event "${slug.slice(0, 100)}"` } };
  return { status: 200, body: { event: adminEventJson(row) } };
}
