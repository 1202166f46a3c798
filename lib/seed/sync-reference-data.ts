// Venues, categories, programmes and timelines. New rows are inserted in one statement per table;
// a row whose data differ from the file is updated on its own — that happens only after someone
// edits the data file, a handful of rows, so a batch statement would buy nothing. Rows are written
// only when their data differ, so `updatedAt` moves only on real change.
import type { Prisma } from "../generated/prisma/client";
import { changedFields, type Comparable } from "../programme/event-changes";
import type { CategoryInput, ProgrammeInput, VenueInput } from "./programme-schema";

type Tx = Prisma.TransactionClient;
type Log = (line: string) => void;
/** Database id by slug. */
export type IdsBySlug = Map<string, number>;

interface SyncPlan<Wanted> {
  create: (Wanted & { slug: string })[];
  update: { id: number; data: Wanted }[];
}

/** Splits the wanted rows into those to create and those whose stored data differ. */
function planSync<Wanted extends Record<string, Comparable>>(
  wanted: readonly { slug: string; data: Wanted }[],
  rows: readonly ({ id: number; slug: string } & Wanted)[],
): SyncPlan<Wanted> {
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const plan: SyncPlan<Wanted> = { create: [], update: [] };
  for (const { slug, data } of wanted) {
    const row = bySlug.get(slug);
    if (!row) plan.create.push({ slug, ...data });
    else if (changedFields<Wanted>(row, data).length > 0) plan.update.push({ id: row.id, data });
  }
  return plan;
}

function remember(ids: IdsBySlug, created: readonly { id: number; slug: string }[]): void {
  for (const row of created) ids.set(row.slug, row.id);
}

export async function syncVenues(tx: Tx, venues: readonly VenueInput[], log: Log): Promise<IdsBySlug> {
  const rows = await tx.venue.findMany({
    select: { id: true, slug: true, name: true, kind: true, description: true, address: true, latitude: true, longitude: true },
  });
  const ids: IdsBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  const plan = planSync(
    venues.map((venue) => ({
      slug: venue.slug,
      data: {
        name: venue.name,
        kind: venue.kind,
        description: venue.description,
        address: venue.address,
        latitude: venue.latitude,
        longitude: venue.longitude,
      },
    })),
    rows,
  );
  if (plan.create.length) remember(ids, await tx.venue.createManyAndReturn({ data: plan.create, select: { id: true, slug: true } }));
  for (const { id, data } of plan.update) await tx.venue.update({ where: { id }, data });
  log(`venues: ${venues.length} (${plan.create.length} created, ${plan.update.length} updated)`);
  return ids;
}

export async function syncCategories(tx: Tx, categories: readonly CategoryInput[], log: Log): Promise<IdsBySlug> {
  const rows = await tx.category.findMany({ select: { id: true, slug: true, name: true, parentId: true } });
  const ids: IdsBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  const tally = { created: 0, updated: 0 };
  // Top-level categories first, so every sub-type finds its parent's id.
  const levels = [categories.filter((c) => c.parent === undefined), categories.filter((c) => c.parent !== undefined)];
  for (const level of levels) {
    const plan = planSync(
      level.map((category) => ({
        slug: category.slug,
        data: { name: category.name, parentId: category.parent === undefined ? null : requireId(ids, category.parent, "category") },
      })),
      rows,
    );
    if (plan.create.length) remember(ids, await tx.category.createManyAndReturn({ data: plan.create, select: { id: true, slug: true } }));
    for (const { id, data } of plan.update) await tx.category.update({ where: { id }, data });
    tally.created += plan.create.length;
    tally.updated += plan.update.length;
  }
  log(`categories: ${categories.length} (${tally.created} created, ${tally.updated} updated)`);
  return ids;
}

export async function syncProgrammes(tx: Tx, programmes: readonly ProgrammeInput[], log: Log): Promise<IdsBySlug> {
  const rows = await tx.programme.findMany({
    select: { id: true, slug: true, name: true, kind: true, country: true, date: true, summary: true },
  });
  const ids: IdsBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  const plan = planSync(
    programmes.map((programme) => ({
      slug: programme.slug,
      data: {
        name: programme.name,
        kind: programme.kind,
        country: programme.country ?? null,
        date: programme.date === undefined ? null : dateOnly(programme.date),
        summary: programme.summary,
      },
    })),
    rows,
  );
  if (plan.create.length) remember(ids, await tx.programme.createManyAndReturn({ data: plan.create, select: { id: true, slug: true } }));
  for (const { id, data } of plan.update) await tx.programme.update({ where: { id }, data });
  const timeline = await syncTimelines(tx, programmes, ids);
  log(
    `programmes: ${programmes.length} (${plan.create.length} created, ${plan.update.length} updated); ` +
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
  const toCreate: Prisma.TimelineEntryCreateManyInput[] = [];
  const toUpdate: { id: number; data: { date: Date; dateLabel: string; text: string } }[] = [];
  const kept = new Set<number>();
  let total = 0;
  for (const programme of programmes) {
    const programmeId = requireId(ids, programme.slug, "programme");
    for (const entry of programme.timeline) {
      total++;
      const wanted = { date: dateOnly(entry.date), dateLabel: entry.dateLabel, text: entry.text };
      const row = byKey.get(`${programmeId}:${entry.position}`);
      if (!row) toCreate.push({ programmeId, position: entry.position, ...wanted });
      else {
        kept.add(row.id);
        if (changedFields(row, wanted).length > 0) toUpdate.push({ id: row.id, data: wanted });
      }
    }
  }
  const stale = rows.filter((row) => !kept.has(row.id)).map((row) => row.id);
  const deleted = stale.length ? (await tx.timelineEntry.deleteMany({ where: { id: { in: stale } } })).count : 0;
  if (toCreate.length) await tx.timelineEntry.createMany({ data: toCreate });
  for (const { id, data } of toUpdate) await tx.timelineEntry.update({ where: { id }, data });
  return { total, created: toCreate.length, updated: toUpdate.length, deleted };
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
