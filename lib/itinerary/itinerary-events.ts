// The programme's events as an itinerary shows them, by id, built once per programme version and
// kept in the process's programme cache (lib/cache/programme-reads.ts, decision 017). GET
// /api/itinerary then reads only what is the visitor's own — which events they saved, when, their
// notes — and takes each event's title, times and venue from here (docs/decisions/025, "Update 3"):
// joining 20 events and venues per visitor and building their JSON in PostgreSQL was two thirds of
// the statement's time, and the statement is what 32 concurrent requests queue behind.
//
// Nothing per visitor is kept here: these are the same public facts every schedule page shows, of
// the same version, so an itinerary is never newer or older than this instance's schedule pages.
import "server-only";
import { prisma } from "../db";
import { cachedRead, cachedReadOfNewestVersion } from "../cache/programme-reads";

/** What an itinerary shows of an event, the same for every visitor who saved it. */
export interface EventFacts {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  timeIsIllustrative: boolean;
  venue: { slug: string; name: string; latitude: number; longitude: number };
}

export interface ItineraryEvent {
  facts: EventFacts;
  /** Place in time order (start, end, then slug, as PostgreSQL orders them): an itinerary's order. */
  order: number;
}

const KEY = "itinerary events";
// About 3,100 events of ~300 bytes each as the cache weighs them; a JSON estimate of Dates would
// cost a stringify of the whole programme per build.
const BYTES_PER_EVENT = 400;

async function loadItineraryEvents(): Promise<Map<number, ItineraryEvent>> {
  const events = await prisma.event.findMany({
    select: {
      id: true,
      slug: true,
      title: true,
      startsAt: true,
      endsAt: true,
      status: true,
      timeIsIllustrative: true,
      venue: { select: { slug: true, name: true, latitude: true, longitude: true } },
    },
    orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }, { slug: "asc" }],
  });
  return new Map(events.map(({ id, ...facts }, order) => [id, { facts, order }]));
}

const weigh = (events: Map<number, ItineraryEvent>) => events.size * BYTES_PER_EVENT;

/** Every event of the programme version this instance serves, by id. */
export function itineraryEventsById(): Promise<Map<number, ItineraryEvent>> {
  return cachedRead(KEY, loadItineraryEvents, weigh);
}

/**
 * The same after re-reading the version: for a reader holding a save of an event the current map
 * lacks, which proves a change this instance has not been told of yet (the notification is on its
 * way); the newer version's map has it, unless it was deleted since (and its saves with it).
 */
export function newestItineraryEventsById(): Promise<Map<number, ItineraryEvent>> {
  return cachedReadOfNewestVersion(KEY, loadItineraryEvents, weigh);
}
