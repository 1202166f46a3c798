import "server-only";
import { prisma } from "../db";

const EVENT_ID = /^[1-9]\d{0,8}$/;

/**
 * The page path behind a short event link /e/{id} (used by large calendar feeds, where the full
 * slug URL per event would not fit Google's 1 MB limit), or null for anything that is not an event.
 */
export async function findEventPathByShortId(id: string): Promise<string | null> {
  if (!EVENT_ID.test(id)) return null;
  const event = await prisma.event.findUnique({ where: { id: Number(id) }, select: { slug: true } });
  return event ? `/events/${encodeURIComponent(event.slug)}` : null;
}
