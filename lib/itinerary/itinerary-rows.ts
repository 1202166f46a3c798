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
import { itineraryEventsById, newestItineraryEventsById, type EventFacts, type ItineraryEvent } from "./itinerary-events";
import { readInBatches } from "./read-batches";

/** A saved event: the visitor's note and save time with the event's facts. */
export interface SavedEventRow extends EventFacts {
  note: string | null;
  /** ISO 8601 in UTC with milliseconds, exactly as Date#toISOString writes it. */
  savedAt: string;
}

export interface ItineraryRows {
  /** The user's session columns; null when there is no such user. */
  user: SessionUserRow | null;
  /** In time order: start, then end, then slug. */
  saves: SavedEventRow[];
}

/** A save as read: the programme's event, shared by every visitor who saved it, and the visitor's part. */
export interface VisitorSave {
  event: ItineraryEvent;
  /** ISO 8601 in UTC with milliseconds, exactly as Date#toISOString writes it. */
  savedAt: string;
  note: string | null;
}

export interface VisitorSaves {
  /** The user's session columns; null when there is no such user. */
  user: SessionUserRow | null;
  /** In time order: start, then end, then slug. */
  saves: VisitorSave[];
}

/** A save as the statement gives it: [event id, savedAt (ISO), note]. */
type SaveTuple = [number, string, string | null];

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
// account's session ends here too), with the saves as one JSON array of [event id, savedAt, note]:
// JSON.parse reads it at native speed where pg's row parser spent a fifth of an answer's CPU on
// separate rows. Only the visitor's own columns: each event's title, times and venue come from the
// programme held in memory (./itinerary-events.ts), which also gives the order. The user's instant
// comes as epoch milliseconds (exact: the columns hold milliseconds, and float8 holds any integer
// below 2^53), not as timestamptz text, whose parsing (postgres-date) took another fifth; a save's
// as the ISO text the answer prints, so no Date is built for it (Next wraps the Date constructor).
const MS = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
export const ITINERARY_ROWS_SQL = `
    SELECT u.id AS "userId", u.email, u.name, u.role::text AS role, ${MS(`u."emailVerified"`)} AS "emailVerified", u."sessionVersion",
      (SELECT coalesce(json_agg(json_build_array(s."eventId", ${ISO(`s."createdAt"`)}, s.note)), '[]'::json)
       FROM "SavedEvent" s WHERE s."userId" = u.id) AS saves
    FROM "User" u
    WHERE u.id = ANY($1::text[])`;

/** The statement's name on each connection (tests count the statements by it). */
export const ITINERARY_STATEMENT = "itinerary-rows-batch";

/**
 * The statement's rows. Through the pg Pool under the Prisma client, not Prisma's query path: on
 * the hottest signed-in read, Prisma's $queryRaw (parameter and result mapping, its timestamp
 * normalising, its allocations) was the largest part of an answer's CPU (decision 025). Same pool,
 * same connections, same statement, the same values (tests/integration/itinerary-door.test.ts
 * compares the two). Before Prisma has connected, and once $disconnect has ended its pool, Prisma
 * answers, as for every other query.
 */
async function queryRows(userIds: string[]): Promise<UserWithSaves[]> {
  const pool = prismaPool();
  return pool
    ? // Named: each connection parses and plans it once (primary-key and unique-index lookups).
      (await pool.query<UserWithSaves>({ name: ITINERARY_STATEMENT, text: ITINERARY_ROWS_SQL, values: [userIds] })).rows
    : await prisma.$queryRawUnsafe<UserWithSaves[]>(ITINERARY_ROWS_SQL, userIds);
}

/** Each user's rows, the saves joined to the programme's events and put in time order. */
async function readBatch(userIds: string[]): Promise<Map<string, VisitorSaves>> {
  const rows = await queryRows(userIds);
  let events = await itineraryEventsById();
  // A save of an event the map lacks: the programme changed after this instance last read its
  // version. Once per statement, the newest version's map (an event deleted since is dropped).
  if (rows.some((row) => row.saves.some(([eventId]) => !events.has(eventId)))) events = await newestItineraryEventsById();
  return new Map(rows.map((row) => [row.userId, visitorSavesOf(row, events)]));
}

function visitorSavesOf(row: UserWithSaves, events: Map<number, ItineraryEvent>): VisitorSaves {
  const user: SessionUserRow = {
    id: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.emailVerified === null ? null : new Date(row.emailVerified),
    sessionVersion: row.sessionVersion,
  };
  const saves: VisitorSave[] = [];
  for (const [eventId, savedAt, note] of row.saves) {
    const event = events.get(eventId);
    if (event) saves.push({ event, savedAt, note });
  }
  saves.sort((a, b) => a.event.order - b.event.order);
  return { user, saves };
}

// One statement in flight at a time: requests arriving meanwhile (at 32 connections, about ten)
// are read by the next one. More statements at once only put more PostgreSQL backends on the two
// cores Node needs too (decision 025 has the measurements). 100 ids bound a statement's size.
// One batcher per process, parked on globalThis: the bundler gives the door, the route and the
// page each a copy of this module, and three batchers would mean three statements in flight.
const parked = globalThis as unknown as { expoItineraryReads?: (userId: string) => Promise<VisitorSaves | undefined> };
const readBatched = (parked.expoItineraryReads ??= readInBatches(readBatch, { inFlight: 1, batchSize: 100 }));

/**
 * The user (with their session columns) and their saves, read by one statement together with those
 * of the other requests waiting for it; a failed statement fails each of them. The events are the
 * programme's own objects, shared by every answer: read them, never change them.
 */
export async function readVisitorSaves(userId: string): Promise<VisitorSaves> {
  return (await readBatched(userId)) ?? { user: null, saves: [] };
}

/** The same with each save as one row of the event's facts and the visitor's note and save time. */
export async function readItineraryRows(userId: string): Promise<ItineraryRows> {
  const { user, saves } = await readVisitorSaves(userId);
  return { user, saves: saves.map(({ event, savedAt, note }): SavedEventRow => ({ note, savedAt, ...event.facts })) };
}
