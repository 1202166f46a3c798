// One visitor's saved events with what the itinerary shows of them, and that visitor's session
// columns, in ONE statement: GET /api/itinerary checks the session against the user row and reads
// the saves in a single round trip (docs/decisions/025-itinerary-at-scale.md). Prisma's nested
// select took three queries for the saves plus one for the user, each costing about a millisecond
// of CPU in the client; this is one raw statement on the one client's pool (lib/db.ts). The lookup uses
// the unique (userId, eventId) index of SavedEvent (plan: tests/integration/itinerary-rows.test.ts).
import "server-only";
import { prisma, prismaPool } from "../db";
import type { SessionUserRow } from "../auth/session";

export interface SavedEventRow {
  note: string | null;
  savedAt: Date;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  timeIsIllustrative: boolean;
  venue: { slug: string; name: string; latitude: number; longitude: number };
}

export interface ItineraryRows {
  /** The user's session columns; null when there is no such user. */
  user: SessionUserRow | null;
  /** In time order: start, then end, then slug. */
  saves: SavedEventRow[];
}

interface Joined {
  userId: string;
  email: string | null;
  name: string | null;
  role: "VISITOR" | "ADMIN";
  /** Instants as milliseconds since the epoch (see below). */
  emailVerified: number | null;
  sessionVersion: number;
  note: string | null;
  savedAt: number | null;
  slug: string | null;
  title: string;
  startsAt: number;
  endsAt: number;
  status: "SCHEDULED" | "CANCELLED";
  timeIsIllustrative: boolean;
  venueSlug: string;
  venueName: string;
  latitude: number;
  longitude: number;
}

// $1 is the user id. LEFT JOINs: a user without saves still comes back (one row with no event), so
// "no row at all" means "no such user" and a deleted account's session ends here too.
// Instants come as epoch milliseconds (exact: the columns hold milliseconds, and float8 holds any
// integer below 2^53), not as timestamptz text: parsing that text (postgres-date) and building a
// Date through Next's patched Date constructor took a fifth of an answer's CPU, and the
// programme's few thousand starts and ends can then share one Date each (instantOf).
const MS = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
export const ITINERARY_ROWS_SQL = `
    SELECT u.id AS "userId", u.email, u.name, u.role::text AS role, ${MS(`u."emailVerified"`)} AS "emailVerified", u."sessionVersion",
           s.note, ${MS(`s."createdAt"`)} AS "savedAt", e.slug, e.title, ${MS(`e."startsAt"`)} AS "startsAt", ${MS(`e."endsAt"`)} AS "endsAt", e.status::text AS status,
           e."timeIsIllustrative", v.slug AS "venueSlug", v.name AS "venueName", v.latitude, v.longitude
    FROM "User" u
    LEFT JOIN "SavedEvent" s ON s."userId" = u.id
    LEFT JOIN "Event" e ON e.id = s."eventId"
    LEFT JOIN "Venue" v ON v.id = e."venueId"
    WHERE u.id = $1
    ORDER BY e."startsAt", e."endsAt", e.slug`;

/**
 * The statement's rows. Through the pg Pool under the Prisma client, not Prisma's query path: on
 * the hottest signed-in read, Prisma's $queryRaw (parameter and result mapping, its timestamp
 * normalising, its allocations) was a quarter of the CPU of an answer and the largest part left
 * (decision 025). Same pool, same connections, same statement; pg gives the same values (timestamptz
 * as Dates, double precision and int as numbers): tests/integration/itinerary-rows.test.ts compares
 * the two. Once $disconnect has ended that pool, Prisma answers, as for every other query.
 */
async function queryRows(userId: string): Promise<Joined[]> {
  const pool = prismaPool();
  if (!pool) return prisma.$queryRawUnsafe<Joined[]>(ITINERARY_ROWS_SQL, userId);
  // Named: each connection parses and plans it once (a unique-index lookup, the same plan for every id).
  return (await pool.query<Joined>({ name: "itinerary-rows", text: ITINERARY_ROWS_SQL, values: [userId] })).rows;
}

// One Date per start or end of the programme, kept per process (bounded: cleared when full). The
// rows are only read (buildItinerary turns them into strings), never changed, so they can share them.
const instants = new Map<number, Date>();
const INSTANTS_KEPT = 20_000;

function instantOf(ms: number): Date {
  let instant = instants.get(ms);
  if (!instant) {
    if (instants.size >= INSTANTS_KEPT) instants.clear();
    instant = new Date(ms);
    instants.set(ms, instant);
  }
  return instant;
}

/** The user (with their session columns) and their saved events, in one query. */
export async function readItineraryRows(userId: string): Promise<ItineraryRows> {
  const joined = await queryRows(userId);
  if (joined.length === 0) return { user: null, saves: [] };
  const [first] = joined;
  const user: SessionUserRow = {
    id: first.userId,
    email: first.email,
    name: first.name,
    role: first.role,
    emailVerified: first.emailVerified === null ? null : new Date(first.emailVerified),
    sessionVersion: first.sessionVersion,
  };
  const saves: SavedEventRow[] = [];
  for (const row of joined) {
    if (row.slug === null || row.savedAt === null) continue;
    saves.push({
      note: row.note,
      savedAt: new Date(row.savedAt),
      slug: row.slug,
      title: row.title,
      startsAt: instantOf(row.startsAt),
      endsAt: instantOf(row.endsAt),
      status: row.status,
      timeIsIllustrative: row.timeIsIllustrative,
      venue: { slug: row.venueSlug, name: row.venueName, latitude: row.latitude, longitude: row.longitude },
    });
  }
  return { user, saves };
}
