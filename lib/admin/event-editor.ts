import "server-only";
import { prisma, Prisma } from "../db";
import { changedFields } from "../programme/event-changes";
import { eventUid } from "../seed/sync-events";
import { fieldChanges, writeChangeLog } from "./change-log";
import { eventInputSchema, eventPatchSchema, type FieldProblem, problemsOf, timeProblems } from "./event-input";
import { EDITABLE_FIELDS, type EditableEvent, editableOf, eventColumns, loadReferences, missingReferences, pickEditable, raisesSequence, type ReferenceIds, STORED_EVENT_SELECT, type StoredEventRow } from "./stored-event";

// Create, change and delete one event. Each runs in one transaction that locks the row, checks the
// version the organiser started from (optimistic concurrency: a stale save is refused with 409
// naming the fields changed meanwhile, never applied over them), writes the event and its
// change-log row. Cancel, reschedule and move are changes of status, times and venue.

type Tx = Prisma.TransactionClient;

export type EditOutcome =
  | { ok: true; status: 200 | 201; event: StoredEventRow; changed: string[] }
  | { ok: false; status: 400 | 404 | 409; error: string; details?: FieldProblem[]; fields?: string[]; currentVersion?: number };

const invalid = (details: FieldProblem[]): EditOutcome => ({
  ok: false,
  status: 400,
  error: `Invalid event: ${[...new Set(details.map((d) => d.parameter))].join(", ")}`,
  details,
});

const notFound = (slug: string): EditOutcome => ({ ok: false, status: 404, error: `No event "${slug.slice(0, 100)}"` });


async function referencesOf(tx: Tx, event: EditableEvent): Promise<ReferenceIds> {
  return loadReferences(tx, {
    venues: [event.venue],
    categories: [event.category, ...(event.subcategory ? [event.subcategory] : [])],
    programmes: event.programme ? [event.programme] : [],
  });
}

async function slugTaken(tx: Tx, slug: string, exceptId?: number): Promise<boolean> {
  const other = await tx.event.findUnique({ where: { slug }, select: { id: true } });
  return other !== null && other.id !== exceptId;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createEvent(input: unknown, actorId: string | null): Promise<EditOutcome> {
  const parsed = eventInputSchema.safeParse(input);
  if (!parsed.success) return invalid(problemsOf(parsed.error));
  const event = pickEditable(parsed.data);
  try {
    return await prisma.$transaction(async (tx) => {
      const ids = await referencesOf(tx, event);
      const problems: FieldProblem[] = missingReferences(event, ids);
      if (await slugTaken(tx, event.slug)) problems.push({ parameter: "slug", message: "is already used by another event" });
      if (problems.length) return invalid(problems);
      const created = await tx.event.create({
        data: { slug: event.slug, ...eventColumns(event, ids), uid: eventUid(event.slug), source: "ORGANISER", timeIsIllustrative: false },
        select: STORED_EVENT_SELECT,
      });
      const changed = EDITABLE_FIELDS.filter((field) => field !== "slug");
      await writeChangeLog(tx, [
        {
          subject: "EVENT",
          action: "CREATE",
          subjectId: created.id,
          subjectSlug: created.slug,
          label: created.title,
          fields: fieldChanges(null, event, changed),
          start: event.start,
          venueId: ids.venues.get(event.venue)!.id,
          actorId,
        },
      ]);
      return { ok: true, status: 201, event: created, changed } as const;
    });
  } catch (error) {
    // Two organisers creating the same slug at once: the second insert fails on the unique index.
    if (isUniqueViolation(error)) return invalid([{ parameter: "slug", message: "is already used by another event" }]);
    throw error;
  }
}

/** Applies a partial change (a full form, or just new times, a venue or a status) to a stored event. */
export async function updateEvent(slug: string, input: unknown, actorId: string | null): Promise<EditOutcome> {
  const parsed = eventPatchSchema.safeParse(input);
  if (!parsed.success) return invalid(problemsOf(parsed.error));
  const { version, allowOutsideExpo, ...patch } = parsed.data;
  try {
    return await prisma.$transaction(async (tx) => {
      // Row lock: a concurrent save waits here, then sees the version this one wrote.
      const locked = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Event" WHERE "slug" = ${slug} FOR UPDATE`;
      if (locked.length === 0) return notFound(slug);
      const current = await tx.event.findUniqueOrThrow({ where: { id: locked[0].id }, select: STORED_EVENT_SELECT });
      if (current.version !== version) {
        const fields = await conflictingFields(tx, current.id, version);
        return {
          ok: false,
          status: 409,
          error: `Someone else changed this event since you opened it${fields.length ? ` (${fields.join(", ")})` : ""}. Reload it to see their change, then apply yours again.`,
          fields,
          currentVersion: current.version,
        } as const;
      }
      const before = editableOf(current);
      const after: EditableEvent = { ...before, ...stripUndefined(patch) };
      const changed = changedFields(before, after);
      const timeChanged = changed.includes("start") || changed.includes("end");
      // Stored times outside the expo stay editable; only a new time is held to the expo's dates.
      const problems = timeChanged ? timeProblems(after.start, after.end, allowOutsideExpo) : [];
      if (changed.length === 0) return { ok: true, status: 200, event: current, changed } as const;
      const ids = await referencesOf(tx, after);
      problems.push(...missingReferences(after, ids).filter((problem) => changed.includes(problem.parameter)));
      if (changed.includes("slug") && (await slugTaken(tx, after.slug, current.id))) {
        problems.push({ parameter: "slug", message: "is already used by another event" });
      }
      if (problems.length) return invalid(problems);
      const updated = await tx.event.update({
        where: { id: current.id },
        data: {
          slug: after.slug, ...eventColumns(after, ids),
          version: { increment: 1 },
          ...(raisesSequence(changed) && { sequence: { increment: 1 } }),
          // A time an organiser entered is a real one.
          ...(timeChanged && { timeIsIllustrative: false }),
        },
        select: STORED_EVENT_SELECT,
      });
      const cancelled = changed.includes("status") && after.status === "CANCELLED";
      await writeChangeLog(tx, [
        {
          subject: "EVENT",
          action: cancelled ? "CANCEL" : "UPDATE",
          subjectId: current.id,
          subjectSlug: updated.slug,
          label: updated.title,
          fields: { ...fieldChanges(before, after, changed), version: { old: current.version, new: updated.version } },
          start: after.start,
          venueId: ids.venues.get(after.venue)!.id,
          actorId,
        },
      ]);
      return { ok: true, status: 200, event: updated, changed } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid([{ parameter: "slug", message: "is already used by another event" }]);
    throw error;
  }
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

export type DeleteOutcome =
  | { ok: true; status: 200; deleted: boolean; cancelledInstead: boolean }
  | { ok: false; status: 400 | 404 | 409; error: string; details?: FieldProblem[]; fields?: string[]; currentVersion?: number };

/**
 * Deletes an event nobody saved. An event visitors saved is cancelled instead (kept, marked
 * cancelled in every feed), so their calendars remove it visibly rather than silently.
 */
export async function deleteEvent(slug: string, versionInput: unknown, actorId: string | null): Promise<DeleteOutcome> {
  const version = Number(versionInput);
  if (!Number.isInteger(version) || version < 1) {
    return { ok: false, status: 400, error: "Invalid event: version", details: [{ parameter: "version", message: "is required" }] };
  }
  const saves = await prisma.event.findUnique({ where: { slug }, select: { _count: { select: { savedBy: true } } } });
  if (!saves) return { ok: false, status: 404, error: `No event "${slug.slice(0, 100)}"` };
  if (saves._count.savedBy > 0) {
    const outcome = await updateEvent(slug, { version, status: "CANCELLED" }, actorId);
    if (!outcome.ok) return outcome;
    return { ok: true, status: 200, deleted: false, cancelledInstead: true };
  }
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Event" WHERE "slug" = ${slug} FOR UPDATE`;
    if (locked.length === 0) return { ok: false, status: 404, error: `No event "${slug.slice(0, 100)}"` } as const;
    const current = await tx.event.findUniqueOrThrow({ where: { id: locked[0].id }, select: STORED_EVENT_SELECT });
    if (current.version !== version) {
      const fields = await conflictingFields(tx, current.id, version);
      return { ok: false, status: 409, error: "Someone else changed this event since you opened it. Reload it first.", fields, currentVersion: current.version } as const;
    }
    if (current._count.savedBy > 0) {
      return { ok: false, status: 409, error: "A visitor saved this event meanwhile; cancel it instead." } as const;
    }
    await tx.event.delete({ where: { id: current.id } });
    const before = editableOf(current);
    await writeChangeLog(tx, [
      {
        subject: "EVENT",
        action: "DELETE",
        subjectId: current.id,
        subjectSlug: current.slug,
        label: current.title,
        fields: fieldChanges(before, null, ["title", "start", "end", "venue", "status"]),
        start: before.start,
        actorId,
      },
    ]);
    return { ok: true, status: 200, deleted: true, cancelledInstead: false } as const;
  });
}

// A save that started from an older version is refused; to say which fields moved meanwhile, the
// change log of the event is read: every update records { version: { old, new } } besides the
// fields it changed.

export async function conflictingFields(tx: Prisma.TransactionClient, eventId: number, sinceVersion: number): Promise<string[]> {
  const entries = await tx.changeLogEntry.findMany({
    where: { subject: "EVENT", subjectId: eventId, action: { in: ["UPDATE", "CANCEL"] } },
    select: { fields: true },
    orderBy: { id: "asc" },
  });
  const fields = new Set<string>();
  for (const entry of entries) {
    const changes = entry.fields as Record<string, { old: unknown; new: unknown }> | null;
    const newVersion = changes?.version?.new;
    if (typeof newVersion !== "number" || newVersion <= sinceVersion) continue;
    for (const field of Object.keys(changes ?? {})) if (field !== "version") fields.add(field);
  }
  // jsonb keeps keys in its own order; answer in the form's order.
  const order: readonly string[] = EDITABLE_FIELDS;
  return [...fields].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
