// One visitor's saved events with what the itinerary shows of them, and that visitor's session
// columns, in ONE statement: GET /api/itinerary checks the session against the user row and reads
// the saves in a single round trip (docs/decisions/025-itinerary-at-scale.md). Prisma's nested
// select took three queries for the saves plus one for the user, each costing about a millisecond
// of CPU in the client; this is one raw query through the one client (lib/db.ts). The lookup uses
// the unique (userId, eventId) index of SavedEvent (plan: tests/integration/itinerary-rows.test.ts).
import "server-only";
import { Prisma, prisma } from "../db";
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
  emailVerified: Date | null;
  sessionVersion: number;
  note: string | null;
  savedAt: Date | null;
  slug: string | null;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  timeIsIllustrative: boolean;
  venueSlug: string;
  venueName: string;
  latitude: number;
  longitude: number;
}

/** The user (with their session columns) and their saved events, in one query. */
export async function readItineraryRows(userId: string): Promise<ItineraryRows> {
  // LEFT JOINs: a user without saves still comes back (one row with no event), so "no row at all"
  // means "no such user" and a deleted account's session ends here too.
  const joined = await prisma.$queryRaw<Joined[]>(Prisma.sql`
    SELECT u.id AS "userId", u.email, u.name, u.role::text AS role, u."emailVerified", u."sessionVersion",
           s.note, s."createdAt" AS "savedAt", e.slug, e.title, e."startsAt", e."endsAt", e.status::text AS status,
           e."timeIsIllustrative", v.slug AS "venueSlug", v.name AS "venueName", v.latitude, v.longitude
    FROM "User" u
    LEFT JOIN "SavedEvent" s ON s."userId" = u.id
    LEFT JOIN "Event" e ON e.id = s."eventId"
    LEFT JOIN "Venue" v ON v.id = e."venueId"
    WHERE u.id = ${userId}
    ORDER BY e."startsAt", e."endsAt", e.slug`);
  if (joined.length === 0) return { user: null, saves: [] };
  const [first] = joined;
  const user: SessionUserRow = {
    id: first.userId,
    email: first.email,
    name: first.name,
    role: first.role,
    emailVerified: first.emailVerified,
    sessionVersion: first.sessionVersion,
  };
  const saves: SavedEventRow[] = [];
  for (const row of joined) {
    if (row.slug === null || row.savedAt === null) continue;
    saves.push({
      note: row.note,
      savedAt: row.savedAt,
      slug: row.slug,
      title: row.title,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      status: row.status,
      timeIsIllustrative: row.timeIsIllustrative,
      venue: { slug: row.venueSlug, name: row.venueName, latitude: row.latitude, longitude: row.longitude },
    });
  }
  return { user, saves };
}
