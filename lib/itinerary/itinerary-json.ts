// GET /api/itinerary's JSON body written from pieces kept per event (docs/decisions/025, "Update 4").
// The body is exactly JSON.stringify({ items, count, conflictCount }) of buildItinerary's entries
// (tests/integration/itinerary-json.test.ts compares byte for byte), but most of each entry — slug, title,
// ISO and Astana times, status, venue — is the same for every visitor who saved the event. Written
// per request, that part was most of an answer's allocation (the entry objects and the stringify's
// growing text: ~27 KB of ~70 KB per answer of 20 saves), and what a request allocates is what the
// young generation's collections cost at 32 connections. Here it is written once per event and
// programme version as UTF-8 bytes; a request writes only the visitor's part and copies the rest
// into one Buffer, which the socket sends as it is (no string to encode).
import "server-only";
import { entryFacts, plannedEvent } from "./get-itinerary";
import type { ItineraryEvent } from "./itinerary-events";
import type { VisitorSave } from "./itinerary-rows";
import { checkSchedule, conflictingEventCount, type PlannedEvent } from "./schedule-checks";

interface EventPieces {
  /** The entry's JSON up to its visitor's part: `{"slug":…,"venue":{…}` without the closing brace. */
  head: Buffer;
  planned: PlannedEvent;
}

// Keyed by the programme's event object: a new programme version has new objects, so its pieces
// are new too, and the old ones go with the old map.
const piecesByEvent = new WeakMap<ItineraryEvent, EventPieces>();

function piecesOf(event: ItineraryEvent): EventPieces {
  let pieces = piecesByEvent.get(event);
  if (!pieces) {
    pieces = { head: Buffer.from(JSON.stringify(entryFacts(event.facts)).slice(0, -1)), planned: plannedEvent(event.facts) };
    piecesByEvent.set(event, pieces);
  }
  return pieces;
}

const OPEN = '{"items":[';

/** The answer's body for saves in time order (./itinerary-rows.ts). */
export function itineraryJson(saves: readonly VisitorSave[]): Buffer<ArrayBuffer> {
  const pieces = saves.map((save) => piecesOf(save.event));
  const checks = checkSchedule(pieces.map((piece) => piece.planned));
  // The visitor's part of each entry, in ItineraryEntry's order after the event's part.
  const tails: string[] = [];
  let bound = OPEN.length + 64;
  saves.forEach((save, index) => {
    const check = checks.get(pieces[index].planned.slug)!;
    const tail =
      `,"note":${JSON.stringify(save.note)},"savedAt":${JSON.stringify(save.savedAt)}` +
      `,"conflictsWith":${JSON.stringify(check.conflictsWith)},"walkWarning":${JSON.stringify(check.walkWarning)}}`;
    tails.push(tail);
    // The comma before the entry, its head, and its tail (a UTF-16 unit is at most 3 bytes of UTF-8).
    bound += 1 + pieces[index].head.length + tail.length * 3;
  });
  const close = `],"count":${saves.length},"conflictCount":${conflictingEventCount(checks)}}`;

  const body = Buffer.allocUnsafe(bound + close.length);
  let at = body.write(OPEN, 0, "latin1");
  pieces.forEach((piece, index) => {
    if (index > 0) at += body.write(",", at, "latin1");
    at += piece.head.copy(body, at);
    at += body.write(tails[index], at, "utf8");
  });
  at += body.write(close, at, "latin1");
  return body.subarray(0, at);
}
