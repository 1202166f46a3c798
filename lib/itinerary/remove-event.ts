import "server-only";
import { prisma } from "../db";
import { isSlug } from "../http/paths";
import { unknownEvent, type ItineraryOutcome } from "./itinerary-outcome";

/** Removes an event from the user's itinerary; removing one that is not there is not an error. */
export async function removeEventFromItinerary(userId: string, eventSlug: string): Promise<ItineraryOutcome> {
  if (!isSlug(eventSlug)) return unknownEvent(eventSlug); // never sent to the database (see save-event.ts)
  const event = await prisma.event.findUnique({ where: { slug: eventSlug }, select: { id: true, slug: true } });
  if (!event) return unknownEvent(eventSlug);
  await prisma.savedEvent.deleteMany({ where: { userId, eventId: event.id } });
  return { status: 200, body: { slug: event.slug, saved: false } };
}
