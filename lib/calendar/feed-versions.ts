import "server-only";
// A feed is rebuilt when its version changes (docs/decisions/006-feed-caching.md). The programme
// version's query lives with the programme cache (lib/cache/programme-version-query.ts).
import { Prisma, prisma } from "../db";
import {
  PROGRAMME_VERSION_COLUMNS,
  programmeVersionOf,
  queryProgrammeVersion,
  UPDATED_AT_SUM,
  type ProgrammeVersionRow,
} from "../cache/programme-version-query";

export { PROGRAMME_VERSION_COLUMNS, type ProgrammeVersionRow };

export async function readProgrammeVersion(): Promise<string> {
  return queryProgrammeVersion();
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
