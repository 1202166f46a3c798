// GET /api/itinerary's whole answer for a request's session: status, headers and JSON body. The
// route (app/api/itinerary/route.ts) and the node-level door (./itinerary-door.ts) both send
// exactly this, so the two cannot drift apart. Per request it costs one decrypt with a key derived
// once (lib/auth/session-token.ts), one query for the user row and the saves together
// (./itinerary-rows.ts) and one JSON.stringify (docs/decisions/025-itinerary-at-scale.md).
import "server-only";
import { readToken, sessionUserFromRow, sessionUserId } from "../auth/session";
import type { TokenSource } from "../auth/session-token";
import { buildItinerary } from "./get-itinerary";
import { readItineraryRows } from "./itinerary-rows";

export interface ItineraryAnswer {
  /** 503 only from the door, when the database is away (as withDatabase answers in the route). */
  status: 200 | 401 | 503;
  headers: Record<string, string>;
  body: string;
}

// The same answer requireApiUser gives a request without a valid session (lib/auth/session.ts).
const SIGNED_OUT: ItineraryAnswer = {
  status: 401,
  headers: { "content-type": "application/json", "Cache-Control": "no-store" },
  body: JSON.stringify({ error: "Sign in to use your itinerary." }),
};

/** The signed-in visitor's itinerary as JSON, or the 401 of a missing, ended or foreign session. */
export async function itineraryAnswer(source: TokenSource): Promise<ItineraryAnswer> {
  const claims = await readToken(source);
  const userId = sessionUserId(claims);
  if (!userId) return SIGNED_OUT;
  const { user, saves } = await readItineraryRows(userId);
  // The same session rules as every other route (sessionVersion, absolute lifetime, proof, deleted
  // user), checked against the row read in the same statement as the saves.
  if (!sessionUserFromRow(claims, user)) return SIGNED_OUT;
  const itinerary = buildItinerary(saves);
  return {
    status: 200,
    headers: { "content-type": "application/json", "Cache-Control": "private, no-store" },
    body: JSON.stringify({ items: itinerary.entries, count: itinerary.entries.length, conflictCount: itinerary.conflictCount }),
  };
}
