// GET /api/itinerary's whole answer for a request's session: status, headers and JSON body. The
// route (app/api/itinerary/route.ts) and the node-level door (./itinerary-door.ts) both send
// exactly this, so the two cannot drift apart. Per request it costs one decrypt with a key derived
// once (lib/auth/session-token.ts), one query for the user row and the saves together
// (./itinerary-rows.ts) and the body written from pieces kept per event (./itinerary-json.ts;
// docs/decisions/025-itinerary-at-scale.md).
import "server-only";
import { readToken, sessionUserFromRow, sessionUserId } from "../auth/session";
import type { TokenSource } from "../auth/session-token";
import { itineraryJson } from "./itinerary-json";
import { readVisitorSaves } from "./itinerary-rows";

export interface ItineraryAnswer {
  /** 503 only from the door, when the database is away (as withDatabase answers in the route). */
  status: 200 | 401 | 503;
  headers: Record<string, string>;
  /** UTF-8 JSON. */
  body: Buffer<ArrayBuffer>;
}

// The same answer requireApiUser gives a request without a valid session (lib/auth/session.ts).
const SIGNED_OUT: ItineraryAnswer = {
  status: 401,
  headers: { "content-type": "application/json", "Cache-Control": "no-store" },
  body: Buffer.from(JSON.stringify({ error: "Sign in to use your itinerary." })),
};

/** The signed-in visitor's itinerary as JSON, or the 401 of a missing, ended or foreign session. */
export async function itineraryAnswer(source: TokenSource): Promise<ItineraryAnswer> {
  const claims = await readToken(source);
  const userId = sessionUserId(claims);
  if (!userId) return SIGNED_OUT;
  const { user, saves } = await readVisitorSaves(userId);
  // The same session rules as every other route (sessionVersion, absolute lifetime, proof, deleted
  // user), checked against the row read in the same statement as the saves.
  if (!sessionUserFromRow(claims, user)) return SIGNED_OUT;
  return {
    status: 200,
    headers: { "content-type": "application/json", "Cache-Control": "private, no-store" },
    // The bytes JSON.stringify gave of { items, count, conflictCount } from buildItinerary's entries.
    body: itineraryJson(saves),
  };
}
