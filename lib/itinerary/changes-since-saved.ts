import "server-only";
import { describeFieldChanges, type FieldChangeMap } from "../admin/describe-change";
import { venueNames } from "../admin/public-changes";
import { prisma } from "../db";

// "Changed since you saved it": for each saved event that organisers changed after the visitor
// saved it (or after they last dismissed the notice), the fields that matter to a visit, from the
// value when saved to the value now, in plain words. A field changed and changed back is not shown.

const SHOWN_FIELDS = ["start", "end", "venue", "status", "title"] as const;

export interface SavedEventChange {
  slug: string;
  title: string;
  /** "Thu 13 Jul 19:00 → Fri 14 Jul 20:00", "Astana Opera → Barys Arena", "Cancelled". */
  lines: string[];
  cancelled: boolean;
  /** When it starts now (the list is in this order). */
  startsAt: Date;
}

export async function getChangesSinceSaved(userId: string): Promise<SavedEventChange[]> {
  const saves = await prisma.savedEvent.findMany({
    where: { userId },
    select: { eventId: true, createdAt: true, changesSeenAt: true, event: { select: { slug: true, title: true, status: true, startsAt: true } } },
  });
  if (saves.length === 0) return [];
  const earliest = new Date(Math.min(...saves.map((save) => (save.changesSeenAt ?? save.createdAt).getTime())));
  const [entries, names] = await Promise.all([
    prisma.changeLogEntry.findMany({
      where: { subject: "EVENT", subjectId: { in: saves.map((save) => save.eventId) }, action: { in: ["UPDATE", "CANCEL"] }, createdAt: { gt: earliest } },
      select: { subjectId: true, createdAt: true, fields: true },
      orderBy: { id: "asc" },
    }),
    venueNames(),
  ]);
  const changes: SavedEventChange[] = [];
  for (const save of saves) {
    const since = save.changesSeenAt ?? save.createdAt;
    const merged: FieldChangeMap = {};
    for (const entry of entries) {
      if (entry.subjectId !== save.eventId || entry.createdAt <= since) continue;
      const fields = entry.fields as FieldChangeMap;
      for (const field of SHOWN_FIELDS) {
        const change = fields[field];
        if (!change) continue;
        merged[field] = { old: merged[field] ? merged[field]!.old : change.old, new: change.new };
      }
    }
    for (const field of SHOWN_FIELDS) {
      if (merged[field] && JSON.stringify(merged[field]!.old) === JSON.stringify(merged[field]!.new)) delete merged[field];
    }
    const lines = describeFieldChanges(merged, names);
    if (lines.length) {
      changes.push({ slug: save.event.slug, title: save.event.title, lines, cancelled: save.event.status === "CANCELLED", startsAt: save.event.startsAt });
    }
  }
  return changes.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Hides the notice for one saved event until it changes again; false when it is not saved. */
export async function dismissSavedEventChange(userId: string, eventSlug: string): Promise<boolean> {
  const { count } = await prisma.savedEvent.updateMany({ where: { userId, event: { slug: eventSlug } }, data: { changesSeenAt: new Date() } });
  return count > 0;
}
