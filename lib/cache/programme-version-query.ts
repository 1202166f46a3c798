// The programme version: one small aggregate query that changes whenever anything a public page,
// API answer or feed prints from changes (docs/decisions/006-feed-caching.md, 017).
//
// The programme part covers every table a feed prints from: any event added, changed or removed,
// any venue or programme edited, any category renamed. It is global on purpose: an event moved out
// of a filtered selection changes that selection without leaving a newer row inside it, which a
// per-selection max(updatedAt) would miss. Sums of the updatedAt instants (not just their maximum)
// also notice two changes within the same millisecond. Summing a few thousand rows takes about a
// millisecond; no event row is read by the application.
import { prisma, Prisma } from "../db";

export const UPDATED_AT_SUM = Prisma.raw(`coalesce(sum((extract(epoch from "updatedAt") * 1000)::bigint), 0)::text`);
export const PROGRAMME_VERSION_COLUMNS = Prisma.sql`
  (SELECT count(*)::int || ':' || ${UPDATED_AT_SUM} FROM "Event") AS "events",
  (SELECT count(*)::int || ':' || ${UPDATED_AT_SUM} FROM "Venue") AS "venues",
  (SELECT count(*)::int || ':' || ${UPDATED_AT_SUM} FROM "Programme") AS "programmes",
  (SELECT md5(coalesce(string_agg("id" || ':' || "name", ',' ORDER BY "id"), '')) FROM "Category") AS "categories"`;

export interface ProgrammeVersionRow {
  events: string;
  venues: string;
  programmes: string;
  categories: string;
}

export function programmeVersionOf(row: ProgrammeVersionRow): string {
  return [row.events, row.venues, row.programmes, row.categories].join("|");
}

/** Reads the version from the database (one query); most callers want programmeVersion.current(). */
export async function queryProgrammeVersion(): Promise<string> {
  const [row] = await prisma.$queryRaw<ProgrammeVersionRow[]>`SELECT ${PROGRAMME_VERSION_COLUMNS}`;
  return programmeVersionOf(row);
}
