// Venues, categories, programmes and timelines: a few dozen rows, so one query per changed row is
// fine here. Rows are written only when their data differ, so `updatedAt` moves only on real change.
import type { Prisma } from "../generated/prisma/client";
import { changedFields } from "./changed-fields";
import type { CategoryInput, ProgrammeInput, VenueInput } from "./programme-schema";

type Tx = Prisma.TransactionClient;
type Log = (line: string) => void;
/** Database id by slug. */
export type IdsBySlug = Map<string, number>;

export async function syncVenues(tx: Tx, venues: readonly VenueInput[], log: Log): Promise<IdsBySlug> {
  const rows = await tx.venue.findMany({
    select: { id: true, slug: true, name: true, kind: true, description: true, address: true, latitude: true, longitude: true },
  });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const ids: IdsBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  const tally = { created: 0, updated: 0 };
  for (const venue of venues) {
    const wanted = {
      name: venue.name,
      kind: venue.kind,
      description: venue.description,
      address: venue.address,
      latitude: venue.latitude,
      longitude: venue.longitude,
    };
    const row = bySlug.get(venue.slug);
    if (!row) {
      const created = await tx.venue.create({ data: { slug: venue.slug, ...wanted }, select: { id: true } });
      ids.set(venue.slug, created.id);
      tally.created++;
    } else if (changedFields(row, wanted).length > 0) {
      await tx.venue.update({ where: { id: row.id }, data: wanted });
      tally.updated++;
    }
  }
  log(`venues: ${venues.length} (${tally.created} created, ${tally.updated} updated)`);
  return ids;
}

export async function syncCategories(tx: Tx, categories: readonly CategoryInput[], log: Log): Promise<IdsBySlug> {
  const rows = await tx.category.findMany({ select: { id: true, slug: true, name: true, parentId: true } });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const ids: IdsBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  const tally = { created: 0, updated: 0 };
  // Top-level categories first, so every sub-type finds its parent's id.
  const ordered = [...categories.filter((c) => c.parent === undefined), ...categories.filter((c) => c.parent !== undefined)];
  for (const category of ordered) {
    const wanted = { name: category.name, parentId: category.parent === undefined ? null : requireId(ids, category.parent, "category") };
    const row = bySlug.get(category.slug);
    if (!row) {
      const created = await tx.category.create({ data: { slug: category.slug, ...wanted }, select: { id: true } });
      ids.set(category.slug, created.id);
      tally.created++;
    } else if (changedFields(row, wanted).length > 0) {
      await tx.category.update({ where: { id: row.id }, data: wanted });
      tally.updated++;
    }
  }
  log(`categories: ${categories.length} (${tally.created} created, ${tally.updated} updated)`);
  return ids;
}

export async function syncProgrammes(tx: Tx, programmes: readonly ProgrammeInput[], log: Log): Promise<IdsBySlug> {
  const rows = await tx.programme.findMany({
    select: { id: true, slug: true, name: true, kind: true, country: true, date: true, summary: true },
  });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const ids: IdsBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  const tally = { created: 0, updated: 0 };
  for (const programme of programmes) {
    const wanted = {
      name: programme.name,
      kind: programme.kind,
      country: programme.country ?? null,
      date: programme.date === undefined ? null : dateOnly(programme.date),
      summary: programme.summary,
    };
    const row = bySlug.get(programme.slug);
    if (!row) {
      const created = await tx.programme.create({ data: { slug: programme.slug, ...wanted }, select: { id: true } });
      ids.set(programme.slug, created.id);
      tally.created++;
    } else if (changedFields(row, wanted).length > 0) {
      await tx.programme.update({ where: { id: row.id }, data: wanted });
      tally.updated++;
    }
  }
  const timeline = await syncTimelines(tx, programmes, ids);
  log(
    `programmes: ${programmes.length} (${tally.created} created, ${tally.updated} updated); ` +
      `timeline entries: ${timeline.total} (${timeline.created} created, ${timeline.updated} updated, ${timeline.deleted} removed)`,
  );
  return ids;
}

/** The data file owns each programme's timeline: entries beyond it are removed. */
async function syncTimelines(tx: Tx, programmes: readonly ProgrammeInput[], ids: IdsBySlug) {
  const programmeIds = programmes.map((programme) => requireId(ids, programme.slug, "programme"));
  const rows = await tx.timelineEntry.findMany({
    where: { programmeId: { in: programmeIds } },
    select: { id: true, programmeId: true, position: true, date: true, dateLabel: true, text: true },
  });
  const byKey = new Map(rows.map((row) => [`${row.programmeId}:${row.position}`, row]));
  const tally = { total: 0, created: 0, updated: 0, deleted: 0 };
  const kept = new Set<number>();
  for (const programme of programmes) {
    const programmeId = requireId(ids, programme.slug, "programme");
    for (const entry of programme.timeline) {
      tally.total++;
      const wanted = { date: dateOnly(entry.date), dateLabel: entry.dateLabel, text: entry.text };
      const row = byKey.get(`${programmeId}:${entry.position}`);
      if (!row) {
        await tx.timelineEntry.create({ data: { programmeId, position: entry.position, ...wanted } });
        tally.created++;
        continue;
      }
      kept.add(row.id);
      if (changedFields(row, wanted).length > 0) {
        await tx.timelineEntry.update({ where: { id: row.id }, data: wanted });
        tally.updated++;
      }
    }
  }
  const stale = rows.filter((row) => !kept.has(row.id)).map((row) => row.id);
  if (stale.length > 0) tally.deleted = (await tx.timelineEntry.deleteMany({ where: { id: { in: stale } } })).count;
  return tally;
}

/** A @db.Date value: the calendar date at UTC midnight, which is how PostgreSQL's DATE comes back. */
function dateOnly(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

export function requireId(ids: IdsBySlug, slug: string, label: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`No ${label} "${slug}" in the database`);
  return id;
}
