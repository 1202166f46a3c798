import "server-only";
import { prisma } from "../db";
import { publicChangeOf, venueNames, type PublicChange } from "./public-changes";

/** An event's own public history, newest first (found by its id, so a changed slug keeps it). */
export async function getEventHistory(slug: string): Promise<PublicChange[]> {
  const event = await prisma.event.findUnique({ where: { slug }, select: { id: true } });
  if (!event) return [];
  const [rows, names] = await Promise.all([
    prisma.changeLogEntry.findMany({
      where: { subject: "EVENT", subjectId: event.id },
      select: { id: true, createdAt: true, subject: true, action: true, kind: true, subjectSlug: true, label: true, fields: true, day: true },
      orderBy: { id: "desc" },
      take: 50,
    }),
    venueNames(),
  ]);
  return rows.map((row) => publicChangeOf(row, names));
}
