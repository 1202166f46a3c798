import "server-only";
import { prisma, Prisma } from "../db";

// A feed is rebuilt when its version changes; the version is read with ONE small aggregate query
// per request, so an unchanged feed (and every 304) costs no query per event
// (docs/decisions/006-feed-caching.md).
//
// The programme part covers every table a feed prints from: any event added, changed or removed,
// any venue or programme edited, any category renamed. It is global on purpose: an event moved out
// of a filtered selection changes that selection without leaving a newer row inside it, which a
// per-selection max(updatedAt) would miss. Sums of the updatedAt instants (not just their maximum)
// also notice two changes within the same millisecond. Summing a few thousand rows takes about a
// millisecond; no event row is read by the application.
const UPDATED_AT_SUM = Prisma.raw(`coalesce(sum((extract(epoch from "updatedAt") * 1000)::bigint), 0)::text`);
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

function programmeVersionOf(row: ProgrammeVersionRow): string {
  return [row.events, row.venues, row.programmes, row.categories].join("|");
}

export async function readProgrammeVersion(): Promise<string> {
  const [row] = await prisma.$queryRaw<ProgrammeVersionRow[]>`SELECT ${PROGRAMME_VERSION_COLUMNS}`;
  return programmeVersionOf(row);
}

export interface ItineraryVersionRow extends ProgrammeVersionRow {
  saved: string;
}

export function itineraryVersionOf(row: ItineraryVersionRow): string {
  return `${programmeVersionOf(row)}|${row.saved}`;
}

// Count, the saved events' ids and the saves' updatedAt instants: removing one save and adding
// another in the same millisecond still changes the version.
export const SAVED_VERSION = (userIdColumn: Prisma.Sql) => Prisma.sql`
  (SELECT count(*)::int || ':' || coalesce(sum("eventId"), 0) || ':' || ${UPDATED_AT_SUM}
   FROM "SavedEvent" WHERE "userId" = ${userIdColumn}) AS "saved"`;

/** The programme version and the visitor's saves (a removed save lowers the count). */
export async function readItineraryVersion(userId: string): Promise<string> {
  const [row] = await prisma.$queryRaw<ItineraryVersionRow[]>`
    SELECT ${PROGRAMME_VERSION_COLUMNS}, ${SAVED_VERSION(Prisma.sql`${userId}`)}`;
  return itineraryVersionOf(row);
}
