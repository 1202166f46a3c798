import "server-only";
import { prisma } from "../db";
import { isSlug } from "../http/paths";
import { mergeBodySchema } from "./itinerary-schemas";
import { bodyProblems, problem, type ItineraryOutcome } from "./itinerary-outcome";

export interface MergeReport {
  added: string[];
  alreadySaved: string[];
  /** Slugs that are no event (removed since, or never were), and strings that are not slugs. */
  unknown: string[];
  /** Cancelled since they were saved on the device: not added. */
  cancelled: string[];
}

/**
 * Adds the events a visitor saved in the browser before signing in. Repeats and events already in
 * the account are kept once; unknown and cancelled events are reported, not added.
 */
export async function mergeDeviceSaves(userId: string, body: unknown): Promise<ItineraryOutcome> {
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
  // skipDuplicates: a save made meanwhile from another tab is not an error.
  if (toAdd.length) {
    await prisma.savedEvent.createMany({ data: toAdd.map((eventId) => ({ userId, eventId })), skipDuplicates: true });
  }
  return { status: 200, body: { ...report } };
}
