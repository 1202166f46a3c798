// The visitor's saved events on the server: who is visiting and what they saved (handed to every
// page by the root layout, so no browser request is needed after load), saving and removing one
// event, and merging the saves made on a device before sign-in. The JSON API and the server
// actions call these same functions; each answers an Outcome ready to send.
import "server-only";
import { getSessionUser } from "../auth/session";
import { prisma } from "../db";
import { isSlug } from "../http/paths";
import { bodyProblems, problem, type Outcome } from "../http/problems";
import { mergeBodySchema, saveEventBodySchema } from "./itinerary-schemas";

export interface Visitor {
  /** Null when nobody is signed in. */
  account: { name: string | null; email: string | null } | null;
  /** Slugs of the signed-in visitor's saved events (empty when signed out: those live on the device). */
  saved: string[];
}

/** The visitor of this request: the session, then the saved slugs (one small query). */
export async function getVisitor(): Promise<Visitor> {
  const user = await getSessionUser();
  if (!user) return { account: null, saved: [] };
  const rows = await prisma.savedEvent.findMany({ where: { userId: user.id }, select: { event: { select: { slug: true } } } });
  return { account: { name: user.name, email: user.email }, saved: rows.map((row) => row.event.slug) };
}

export function unknownEvent(slug: string): Outcome {
  // JSON escapes control characters; the cap keeps a long path from being echoed whole.
  const shown = slug.length > 100 ? `${slug.slice(0, 100)}…` : slug;
  return problem(404, `There is no event "${shown}".`, [{ parameter: "eventSlug", message: "is not an event" }]);
}

/**
 * Saves an event to the user's itinerary, optionally setting its note. Idempotent and safe under
 * concurrency: one INSERT … ON CONFLICT, so two simultaneous saves both succeed with one row.
 * `body` is the parsed JSON body, or undefined when there was none.
 */
export async function saveEventToItinerary(userId: string, eventSlug: string, body: unknown): Promise<Outcome> {
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

/** Removes an event from the user's itinerary; removing one that is not there is not an error. */
export async function removeEventFromItinerary(userId: string, eventSlug: string): Promise<Outcome> {
  if (!isSlug(eventSlug)) return unknownEvent(eventSlug); // never sent to the database (see above)
  const event = await prisma.event.findUnique({ where: { slug: eventSlug }, select: { id: true, slug: true } });
  if (!event) return unknownEvent(eventSlug);
  await prisma.savedEvent.deleteMany({ where: { userId, eventId: event.id } });
  return { status: 200, body: { slug: event.slug, saved: false } };
}

export interface MergeReport {
  added: string[];
  alreadySaved: string[];
  /** Slugs that are no event (removed since, or never were), and strings that are not slugs. */
  unknown: string[];
  /** Cancelled since they were saved on the device: not added. */
  cancelled: string[];
}

/** What merging answers the browser: the report, or why it could not be done. */
export type MergeResult = { ok: true; report: MergeReport } | { ok: false; message: string };

/**
 * Adds the events a visitor saved in the browser before signing in. Repeats and events already in
 * the account are kept once; unknown and cancelled events are reported, not added.
 */
export async function mergeDeviceSaves(userId: string, body: unknown): Promise<Outcome> {
  const parsed = mergeBodySchema.safeParse(body);
  if (!parsed.success) return problem(400, "The request body is not valid.", bodyProblems(parsed.error));
  const slugs = [...new Set(parsed.data.slugs)];

  // Strings that are not slugs (a NUL byte, which PostgreSQL refuses) are never sent to the database.
  const events = await prisma.event.findMany({
    where: { slug: { in: slugs.filter(isSlug) } },
    select: { id: true, slug: true, status: true, savedBy: { where: { userId }, select: { id: true } } },
  });
  const bySlug = new Map(events.map((event) => [event.slug, event]));
  const report: MergeReport = { added: [], alreadySaved: [], unknown: [], cancelled: [] };
  const toAdd: number[] = [];
  for (const slug of slugs) {
    const event = bySlug.get(slug);
    if (!event) report.unknown.push(slug);
    else if (event.savedBy.length > 0) report.alreadySaved.push(slug);
    else if (event.status === "CANCELLED") report.cancelled.push(slug);
    else {
      report.added.push(slug);
      toAdd.push(event.id);
    }
  }
  // skipDuplicates: a save made meanwhile from another tab is not an error. In event order, whatever
  // order the device listed them in: two merges at once then take the rows' locks in the same order,
  // and one waits for the other instead of the two deadlocking.
  if (toAdd.length) {
    toAdd.sort((a, b) => a - b);
    await prisma.savedEvent.createMany({ data: toAdd.map((eventId) => ({ userId, eventId })), skipDuplicates: true });
  }
  return { status: 200, body: { ...report } };
}
