// Visitors' saved events with what the itinerary shows of them, and those visitors' session
// columns, in ONE statement: GET /api/itinerary checks the session against the user row and reads
// the saves in a single round trip (docs/decisions/025-itinerary-at-scale.md). Prisma's nested
// select took three queries for the saves plus one for the user, each costing about a millisecond
// of CPU in the client; this is one raw statement on the one client's pool (lib/db.ts). Requests
// that arrive while a statement is in flight are read together by the next one (./read-batches.ts).
// The lookups use User's primary key and the unique (userId, eventId) index of SavedEvent
// (plan: tests/integration/itinerary-door.test.ts).
import "server-only";
import { prisma, prismaPool } from "../db";
import type { SessionUserRow } from "../auth/session";
import { readInBatches } from "./read-batches";

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

/** A save as the statement gives it: [note, savedAt, slug, title, startsAt, endsAt, status, timeIsIllustrative, venue slug, venue name, latitude, longitude]. */
type SaveTuple = [string | null, number, string, string, number, number, "SCHEDULED" | "CANCELLED", boolean, string, string, number, number];

interface UserWithSaves {
  userId: string;
  email: string | null;
  name: string | null;
  role: "VISITOR" | "ADMIN";
  /** Instants as milliseconds since the epoch (see below). */
  emailVerified: number | null;
  sessionVersion: number;
  saves: SaveTuple[];
}

// $1 is an array of user ids. One row per user found (none for an id: no such user, so a deleted
// account's session ends here too), with the saves in time order as one JSON array of arrays:
// JSON.parse reads it at native speed where pg's row parser spent a fifth of an answer's CPU
// decoding 20 rows × 18 text columns (the user's columns repeated in each). Instants come as epoch
// milliseconds (exact: the columns hold milliseconds, and float8 holds any integer below 2^53), not
// as timestamptz text: parsing that (postgres-date) and building Dates through Next's patched Date constructor
// took another fifth, and the programme's few thousand starts and ends can then share one Date each.
const MS = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
export const ITINERARY_ROWS_SQL = `
    SELECT u.id AS "userId", u.email, u.name, u.role::text AS role, ${MS(`u."emailVerified"`)} AS "emailVerified", u."sessionVersion",
      (SELECT coalesce(json_agg(json_build_array(s.note, ${MS(`s."createdAt"`)}, e.slug, e.title, ${MS(`e."startsAt"`)}, ${MS(`e."endsAt"`)},
                e.status::text, e."timeIsIllustrative", v.slug, v.name, v.latitude, v.longitude)
              ORDER BY e."startsAt", e."endsAt", e.slug), '[]'::json)
       FROM "SavedEvent" s JOIN "Event" e ON e.id = s."eventId" JOIN "Venue" v ON v.id = e."venueId"
       WHERE s."userId" = u.id) AS saves
    FROM "User" u
    WHERE u.id = ANY($1::text[])`;

/**
 * The statement's rows. Through the pg Pool under the Prisma client, not Prisma's query path: on
 * the hottest signed-in read, Prisma's $queryRaw (parameter and result mapping, its timestamp
 * normalising, its allocations) was the largest part of an answer's CPU (decision 025). Same pool,
 * same connections, same statement, the same values (tests/integration/itinerary-door.test.ts
 * compares the two). Before Prisma has connected, and once $disconnect has ended its pool, Prisma
 * answers, as for every other query.
 */
async function queryRows(userIds: string[]): Promise<Map<string, UserWithSaves>> {
  const pool = prismaPool();
  const rows = pool
    ? // Named: each connection parses and plans it once (primary-key and unique-index lookups).
      (await pool.query<UserWithSaves>({ name: "itinerary-rows-batch", text: ITINERARY_ROWS_SQL, values: [userIds] })).rows
    : await prisma.$queryRawUnsafe<UserWithSaves[]>(ITINERARY_ROWS_SQL, userIds);
  return new Map(rows.map((row) => [row.userId, row]));
}

// One statement in flight at a time: requests arriving meanwhile (at 32 connections, about ten)
// are read by the next one. More statements at once only put more PostgreSQL backends on the two
// cores Node needs too (decision 025 has the measurements). 100 ids bound a statement's size.
// One batcher per process, parked on globalThis: the bundler gives the door, the route and the
// page each a copy of this module, and three batchers would mean three statements in flight.
const parked = globalThis as unknown as { expoItineraryReads?: (userId: string) => Promise<UserWithSaves | undefined> };
const readUserWithSaves = (parked.expoItineraryReads ??= readInBatches(queryRows, { inFlight: 1, batchSize: 100 }));

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

/**
 * The user (with their session columns) and their saved events, read by one statement together
 * with those of the other requests waiting for it; a failed statement fails each of them.
 */
export async function readItineraryRows(userId: string): Promise<ItineraryRows> {
  const first = await readUserWithSaves(userId);
  if (!first) return { user: null, saves: [] };
  const user: SessionUserRow = {
    id: first.userId,
    email: first.email,
    name: first.name,
    role: first.role,
    emailVerified: first.emailVerified === null ? null : new Date(first.emailVerified),
    sessionVersion: first.sessionVersion,
  };
  const saves = first.saves.map(
    ([note, savedAt, slug, title, startsAt, endsAt, status, timeIsIllustrative, venueSlug, venueName, latitude, longitude]): SavedEventRow => ({
      note,
      savedAt: new Date(savedAt),
      slug,
      title,
      startsAt: instantOf(startsAt),
      endsAt: instantOf(endsAt),
      status,
      timeIsIllustrative,
      venue: { slug: venueSlug, name: venueName, latitude, longitude },
    }),
  );
  return { user, saves };
}
