import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { changedFields } from "../programme/event-changes";
import { eventUid } from "../seed/sync-events";
import { fieldChanges, writeChangeLog, type ChangeLogInput } from "./change-log";
import { eventInputSchema } from "./event-input";
import type { ImportProblem, ImportRecord } from "./parse-import";
import {
  EDITABLE_FIELDS,
  eventColumns,
  loadReferences,
  missingReferences,
  pickEditable,
  raisesSequence,
  type EditableEvent,
  type EditableField,
  type ReferenceIds,
} from "./stored-event";

// Bulk import, all or nothing: every row is checked first and any problem answers 422 listing all
// of them with nothing written; otherwise rows upsert by slug in ONE transaction (new rows in
// createMany batches, changed rows in one UPDATE … FROM per batch, as lib/seed/sync-events.ts does)
// together with their change-log rows. Unchanged rows are not touched, so their feeds stay put.

type Tx = Prisma.TransactionClient;
const BATCH = 1000;

export interface ImportOptions {
  dryRun: boolean;
  allowOutsideExpo: boolean;
  actorId: string | null;
  /** Told how long each phase took (npm run bench:import prints them). */
  onPhase?: (phase: string, ms: number) => void;
}

/** Reports the time since the previous mark to onPhase, if any. */
function phaseClock(onPhase: ImportOptions["onPhase"]): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    onPhase?.(phase, now - last);
    last = now;
  };
}

export interface ImportCounts {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
}

export type ImportOutcome = { ok: true; counts: ImportCounts } | { ok: false; problems: ImportProblem[] };

interface ValidRow {
  row: number;
  event: EditableEvent;
  /** The fields the file gives: a column left out keeps a stored event's value. */
  given: EditableField[];
}

function validate(records: readonly ImportRecord[], allowOutsideExpo: boolean): { rows: ValidRow[]; problems: ImportProblem[] } {
  const rows: ValidRow[] = [];
  const problems: ImportProblem[] = [];
  const firstRowOfSlug = new Map<string, number>();
  for (const record of records) {
    const rawSlug = typeof record.values.slug === "string" ? record.values.slug.trim() : "";
    const earlier = firstRowOfSlug.get(rawSlug);
    if (rawSlug && earlier !== undefined) {
      problems.push({ row: record.row, column: "slug", message: `repeats the slug of row ${earlier}` });
      continue;
    }
    if (rawSlug) firstRowOfSlug.set(rawSlug, record.row);
    const parsed = eventInputSchema.safeParse({ ...record.values, allowOutsideExpo });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ row: record.row, column: String(issue.path[0] ?? "") || null, message: issue.message });
      }
      continue;
    }
    const given = EDITABLE_FIELDS.filter((field) => record.values[field] !== undefined);
    rows.push({ row: record.row, event: pickEditable(parsed.data), given });
  }
  return { rows, problems };
}


export async function importProgramme(records: readonly ImportRecord[], options: ImportOptions): Promise<ImportOutcome> {
  const mark = phaseClock(options.onPhase);
  const { rows, problems } = validate(records, options.allowOutsideExpo);
  mark("validate (zod)");
  const ids = await loadReferences(prisma, {
    venues: rows.map((row) => row.event.venue),
    categories: rows.flatMap((row) => [row.event.category, ...(row.event.subcategory ? [row.event.subcategory] : [])]),
    programmes: rows.flatMap((row) => (row.event.programme ? [row.event.programme] : [])),
  });
  for (const row of rows) {
    for (const problem of missingReferences(row.event, ids)) problems.push({ row: row.row, column: problem.parameter, message: problem.message });
  }
  mark("check references");
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };

  // A long import must not be cut off by Prisma's 5-second default for interactive transactions.
  const outcome = await prisma.$transaction((tx) => applyRows(tx, rows, ids, options, mark), { timeout: 120_000, maxWait: 10_000 });
  mark("commit");
  return outcome;
}

interface ImportedRow {
  id: number;
  slug: string;
  title: string;
  description: string;
  performers: string[];
  categoryId: number;
  subcategoryId: number | null;
  venueId: number;
  programmeId: number | null;
  startsAt: Date;
  endsAt: Date;
  status: EditableEvent["status"];
  admission: EditableEvent["admission"];
  version: number;
}

/** Slugs by id of every venue, category and programme (small tables: a few hundred rows). */
async function referenceSlugs(tx: Tx) {
  const [venues, categories, programmes] = await Promise.all([
    tx.venue.findMany({ select: { id: true, slug: true } }),
    tx.category.findMany({ select: { id: true, slug: true } }),
    tx.programme.findMany({ select: { id: true, slug: true } }),
  ]);
  const map = (rows: { id: number; slug: string }[]) => new Map(rows.map((row) => [row.id, row.slug]));
  return { venues: map(venues), categories: map(categories), programmes: map(programmes) };
}

function editableOfRow(row: ImportedRow, slugOf: Awaited<ReturnType<typeof referenceSlugs>>): EditableEvent {
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    performers: row.performers,
    category: slugOf.categories.get(row.categoryId)!,
    subcategory: row.subcategoryId === null ? null : slugOf.categories.get(row.subcategoryId)!,
    venue: slugOf.venues.get(row.venueId)!,
    programme: row.programmeId === null ? null : slugOf.programmes.get(row.programmeId)!,
    start: row.startsAt,
    end: row.endsAt,
    status: row.status,
    admission: row.admission,
  };
}

async function applyRows(tx: Tx, rows: readonly ValidRow[], ids: ReferenceIds, options: ImportOptions, mark: (phase: string) => void): Promise<ImportOutcome> {
  // Each batch arrives as one JSON document that jsonb_to_recordset expands; with the default 4 MB
  // of work_mem the expanded rows and the change log's sort spill to temporary files (measured:
  // most of the change log's time). This transaction only.
  await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
  mark("begin transaction");
  const slugs = rows.map((row) => row.event.slug);
  // Reads and locks the rows this import may update, so an organiser's save in between waits, then
  // gets 409. Plain columns in one query: relation selects for ten thousand rows cost seconds.
  const stored = await tx.$queryRaw<ImportedRow[]>`
    SELECT "id", "slug", "title", "description", "performers", "categoryId", "subcategoryId", "venueId", "programmeId",
      "startsAt", "endsAt", "status"::text AS "status", "admission"::text AS "admission", "version"
    FROM "Event" WHERE "slug" = ANY(${slugs}::text[]) ORDER BY "id" FOR UPDATE`;
  const slugOf = await referenceSlugs(tx);
  const bySlug = new Map(stored.map((row) => [row.slug, row]));
  mark("read and lock stored rows");

  const toCreate: EditableEvent[] = [];
  const toUpdate: { id: number; version: number; before: EditableEvent; after: EditableEvent; changed: string[] }[] = [];
  for (const { event, given } of rows) {
    const current = bySlug.get(event.slug);
    if (!current) {
      toCreate.push(event);
      continue;
    }
    const before = editableOfRow(current, slugOf);
    const after: EditableEvent = { ...before, ...Object.fromEntries(given.map((field) => [field, event[field]])) };
    const changed = changedFields(before, after);
    if (changed.length) toUpdate.push({ id: current.id, version: current.version, before, after, changed });
  }
  const counts = { dryRun: options.dryRun, created: toCreate.length, updated: toUpdate.length, unchanged: rows.length - toCreate.length - toUpdate.length };
  mark("diff against stored rows");
  if (options.dryRun) return { ok: true, counts };

  const log: ChangeLogInput[] = [];
  const now = new Date();
  for (let i = 0; i < toCreate.length; i += BATCH) {
    const batch = toCreate.slice(i, i + BATCH);
    const created = await insertBatch(
      tx,
      batch.map((event) => ({ ...eventColumns(event, ids), slug: event.slug, uid: eventUid(event.slug) })),
      now,
    );
    const idOf = new Map(created.map((row) => [row.slug, row.id]));
    for (const event of batch) {
      log.push({
        subject: "EVENT",
        action: "CREATE",
        subjectId: idOf.get(event.slug)!,
        subjectSlug: event.slug,
        label: event.title,
        fields: fieldChanges(null, event, EDITABLE_FIELDS.filter((field) => field !== "slug")),
        start: event.start,
        venueId: ids.venues.get(event.venue)!.id,
        actorId: options.actorId,
      });
    }
  }
  mark("insert new rows");
  for (let i = 0; i < toUpdate.length; i += BATCH) {
    const batch = toUpdate.slice(i, i + BATCH);
    await updateBatch(
      tx,
      batch.map((item) => ({
        id: item.id,
        ...eventColumns(item.after, ids),
        bump: raisesSequence(item.changed),
        retimed: item.changed.includes("start") || item.changed.includes("end"),
      })),
      now,
    );
  }
  mark("update changed rows");
  for (const item of toUpdate) {
    const cancelled = item.changed.includes("status") && item.after.status === "CANCELLED";
    log.push({
      subject: "EVENT",
      action: cancelled ? "CANCEL" : "UPDATE",
      subjectId: item.id,
      subjectSlug: item.after.slug,
      label: item.after.title,
      fields: { ...fieldChanges(item.before, item.after, item.changed as (keyof EditableEvent)[]), version: { old: item.version, new: item.version + 1 } },
      start: item.after.start,
      venueId: ids.venues.get(item.after.venue)!.id,
      actorId: options.actorId,
    });
  }
  for (let i = 0; i < log.length; i += BATCH) await writeChangeLog(tx, log.slice(i, i + BATCH), now);
  mark("write change log");
  return { ok: true, counts };
}

// Prisma's createMany binds every value as its own parameter, which takes seconds per thousand
// rows here; one JSON parameter expanded by jsonb_to_recordset takes milliseconds.
async function insertBatch(tx: Tx, rows: readonly object[], now: Date): Promise<{ id: number; slug: string }[]> {
  return tx.$queryRaw<{ id: number; slug: string }[]>`
    INSERT INTO "Event" (
      "slug", "uid", "title", "description", "performers", "categoryId", "subcategoryId", "venueId",
      "programmeId", "startsAt", "endsAt", "status", "admission", "source", "searchText", "updatedAt"
    )
    SELECT
      v."slug", v."uid", v."title", v."description", v."performers", v."categoryId", v."subcategoryId", v."venueId",
      v."programmeId", v."startsAt", v."endsAt", v."status"::"EventStatus", v."admission"::"Admission",
      'ORGANISER'::"EventSource", v."searchText", ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
      "slug" text, "uid" text, "title" text, "description" text, "performers" text[], "categoryId" integer,
      "subcategoryId" integer, "venueId" integer, "programmeId" integer, "startsAt" timestamptz,
      "endsAt" timestamptz, "status" text, "admission" text, "searchText" text
    )
    RETURNING "id", "slug"`;
}

// Prisma has no bulk update with a value per row; jsonb_to_recordset turns the batch into a table
// to join on. The uid is never in the SET list.
async function updateBatch(tx: Tx, rows: readonly object[], now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Event" AS e SET
      "title" = v."title",
      "description" = v."description",
      "performers" = v."performers",
      "categoryId" = v."categoryId",
      "subcategoryId" = v."subcategoryId",
      "venueId" = v."venueId",
      "programmeId" = v."programmeId",
      "startsAt" = v."startsAt",
      "endsAt" = v."endsAt",
      "status" = v."status"::"EventStatus",
      "admission" = v."admission"::"Admission",
      "searchText" = v."searchText",
      "sequence" = e."sequence" + CASE WHEN v."bump" THEN 1 ELSE 0 END,
      "timeIsIllustrative" = e."timeIsIllustrative" AND NOT v."retimed",
      "version" = e."version" + 1,
      "updatedAt" = ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
      "id" integer, "title" text, "description" text, "performers" text[], "categoryId" integer,
      "subcategoryId" integer, "venueId" integer, "programmeId" integer, "startsAt" timestamptz,
      "endsAt" timestamptz, "status" text, "admission" text, "searchText" text, "bump" boolean, "retimed" boolean
    )
    WHERE e."id" = v."id"`;
}
