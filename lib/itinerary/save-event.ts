import "server-only";
import { prisma } from "../db";
import { isSlug } from "../http/paths";
import { saveEventBodySchema } from "./itinerary-schemas";
import { bodyProblems, problem, unknownEvent, type ItineraryOutcome } from "./itinerary-outcome";

/**
 * Saves an event to the user's itinerary, optionally setting its note. Idempotent and safe under
 * concurrency: one INSERT … ON CONFLICT, so two simultaneous saves both succeed with one row.
 * `body` is the parsed JSON body, or undefined when there was none.
 */
export async function saveEventToItinerary(userId: string, eventSlug: string, body: unknown): Promise<ItineraryOutcome> {
  // Anything that is not a slug (a NUL byte, which PostgreSQL refuses, or a megabyte of text) is
  // no event, and is never sent to the database.
  if (!isSlug(eventSlug)) return unknownEvent(eventSlug);
  const parsed = saveEventBodySchema.safeParse(body ?? {});
  if (!parsed.success) return problem(400, "The request body is not valid.", bodyProblems(parsed.error));
  const noteGiven = parsed.data.note !== undefined;
  const note = parsed.data.note ? parsed.data.note : null; // "" clears the note like null

  const event = await prisma.event.findUnique({
    where: { slug: eventSlug },
    select: { id: true, slug: true, status: true, savedBy: { where: { userId }, select: { id: true } } },
  });
  if (!event) return unknownEvent(eventSlug);
  if (event.status === "CANCELLED" && event.savedBy.length === 0) {
    return problem(409, "This event is cancelled, so it cannot be added to an itinerary.", [
      { parameter: "eventSlug", message: "is a cancelled event" },
    ]);
  }

  // xmax = 0 only on a freshly inserted row, which tells a new save from a repeated one.
  const [row] = await prisma.$queryRaw<{ note: string | null; created: boolean }[]>`
    INSERT INTO "SavedEvent" ("userId", "eventId", "note", "createdAt", "updatedAt")
    VALUES (${userId}, ${event.id}, ${note}, now(), now())
    ON CONFLICT ("userId", "eventId") DO UPDATE
      SET "note" = CASE WHEN ${noteGiven} THEN EXCLUDED."note" ELSE "SavedEvent"."note" END,
          "updatedAt" = CASE WHEN ${noteGiven} THEN now() ELSE "SavedEvent"."updatedAt" END
    RETURNING "note", (xmax = 0) AS created`;
  return { status: row.created ? 201 : 200, body: { slug: event.slug, saved: true, note: row.note } };
}
