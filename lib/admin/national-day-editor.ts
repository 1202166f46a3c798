import "server-only";
import { prisma, Prisma } from "../db";
import { changedFields } from "../programme/event-changes";
import { fieldChanges, writeChangeLog } from "./change-log";
import { type FieldProblem, problemsOf } from "./event-input";
import { nationalDayFieldsSchema, nationalDayPatchSchema, type TimelineEntryInput, timelineText } from "./national-day-input";

// National days (Programme rows of kind NATIONAL_DAY) and their timelines: created, edited and
// deleted like venues, with updatedAt as the version and a change-log row in the same
// transaction. A given timeline replaces the stored one whole, in the order given.

type Tx = Prisma.TransactionClient;

export type NationalDayOutcome =
  | { ok: true; status: 200 | 201; slug: string; updatedAt: string; changed: string[] }
  | { ok: false; status: 400 | 404 | 409; error: string; details?: FieldProblem[] };

export type NationalDayDeleteOutcome = { ok: true; status: 200; deleted: true } | { ok: false; status: 400 | 404 | 409; error: string; details?: FieldProblem[] };

const FIELDS = ["name", "country", "date", "summary", "timeline"] as const;

const invalid = (details: FieldProblem[]) =>
  ({ ok: false, status: 400, error: `Invalid national day: ${[...new Set(details.map((d) => d.parameter.split(".")[0]))].join(", ")}`, details }) as const;

const stale = { ok: false, status: 409, error: "Someone else changed this national day since you opened it. Reload it to see their change, then apply yours again." } as const;

const notFound = (slug: string) => ({ ok: false, status: 404, error: `No national day "${slug.slice(0, 100)}"` }) as const;

/** How a timeline entry reads in the change log: one comparable line. */
const line = (entry: { date: Date | string; dateLabel: string; text: string }) =>
  `${typeof entry.date === "string" ? entry.date : entry.date.toISOString().slice(0, 10)} | ${entry.dateLabel} | ${entry.text}`;

const dateOf = (isoDate: string | null) => (isoDate ? new Date(`${isoDate}T00:00:00Z`) : null);

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function writeTimeline(tx: Tx, programmeId: number, timeline: readonly TimelineEntryInput[]): Promise<void> {
  await tx.timelineEntry.deleteMany({ where: { programmeId } });
  await tx.timelineEntry.createMany({
    data: timeline.map((entry, position) => ({ programmeId, position, date: dateOf(entry.date)!, dateLabel: entry.dateLabel, text: entry.text })),
  });
}

/** Locks the national day for the rest of the transaction and checks the editor's version. */
async function lockCurrent(tx: Tx, slug: string, updatedAt: string) {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Programme" WHERE "slug" = ${slug} AND "kind" = 'NATIONAL_DAY' FOR UPDATE`;
  if (locked.length === 0) return notFound(slug);
  const current = await tx.programme.findUniqueOrThrow({
    where: { id: locked[0].id },
    select: { id: true, slug: true, name: true, country: true, date: true, summary: true, updatedAt: true, _count: { select: { events: true } }, timeline: { select: { date: true, dateLabel: true, text: true }, orderBy: { position: "asc" } } },
  });
  if (current.updatedAt.getTime() !== new Date(updatedAt).getTime()) return stale;
  const before = {
    name: current.name,
    country: current.country,
    date: current.date ? current.date.toISOString().slice(0, 10) : null,
    summary: current.summary,
    timeline: current.timeline.map(line),
  };
  return { ok: true, current, before } as const;
}

export async function createNationalDay(input: unknown, actorId: string | null): Promise<NationalDayOutcome> {
  const parsed = nationalDayFieldsSchema.safeParse(input);
  if (!parsed.success) return invalid(problemsOf(parsed.error));
  const { slug, name, country, date, summary, timeline = [] } = parsed.data;
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.programme.create({ data: { slug, name, country, summary, kind: "NATIONAL_DAY", date: dateOf(date) }, select: { id: true, updatedAt: true } });
      if (timeline.length > 0) await writeTimeline(tx, created.id, timeline);
      const after = { name, country, date, summary, timeline: timeline.map(line) };
      await writeChangeLog(tx, [{ subject: "NATIONAL_DAY", action: "CREATE", subjectId: created.id, subjectSlug: slug, label: name, fields: fieldChanges(null, after, FIELDS), actorId }]);
      return { ok: true, status: 201, slug, updatedAt: created.updatedAt.toISOString(), changed: [...FIELDS] } as const;
    });
  } catch (error) {
    // Programme slugs are shared by every kind of programme, so the message says so.
    if (isUniqueViolation(error)) return invalid([{ parameter: "slug", message: "is already used by another national day or programme" }]);
    throw error;
  }
}

export async function updateNationalDay(slug: string, input: unknown, actorId: string | null): Promise<NationalDayOutcome> {
  const parsed = nationalDayPatchSchema.safeParse(input);
  if (!parsed.success) return invalid(problemsOf(parsed.error));
  const { updatedAt, timeline, name, country, date, summary } = parsed.data;
  const patch = { name, country, date, summary };
  return prisma.$transaction(async (tx) => {
    const lock = await lockCurrent(tx, slug, updatedAt);
    if (!lock.ok) return lock;
    const { current, before } = lock;
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
      ...(timeline && { timeline: timeline.map(line) }),
    };
    const changed = changedFields(before, after);
    if (changed.length === 0) return { ok: true, status: 200, slug, updatedAt: current.updatedAt.toISOString(), changed } as const;
    if (timeline && changed.includes("timeline")) await writeTimeline(tx, current.id, timeline);
    // updatedAt moves even for a timeline-only change: it is the version editors and feeds read.
    const updated = await tx.programme.update({
      where: { id: current.id },
      data: { name: after.name, country: after.country, summary: after.summary, date: dateOf(after.date), updatedAt: new Date() },
      select: { slug: true, name: true, updatedAt: true },
    });
    await writeChangeLog(tx, [
      { subject: "NATIONAL_DAY", action: "UPDATE", subjectId: current.id, subjectSlug: updated.slug, label: updated.name, fields: fieldChanges(before, after, changed), actorId },
    ]);
    return { ok: true, status: 200, slug, updatedAt: updated.updatedAt.toISOString(), changed } as const;
  });
}

/**
 * Deletes a national day and its timeline. One that events still belong to is refused (409),
 * since dropping their link would change those events without a log entry of their own.
 */
export async function deleteNationalDay(slug: string, updatedAt: string | null, actorId: string | null): Promise<NationalDayDeleteOutcome> {
  if (updatedAt === null || Number.isNaN(Date.parse(updatedAt))) return invalid([{ parameter: "updatedAt", message: "is required: the national day's updatedAt" }]);
  return prisma.$transaction(async (tx) => {
    const lock = await lockCurrent(tx, slug, updatedAt);
    if (!lock.ok) return lock;
    const { current, before } = lock;
    const events = current._count.events;
    if (events > 0) {
      return { ok: false, status: 409, error: `${events} event${events === 1 ? " belongs" : "s belong"} to this national day; move ${events === 1 ? "it" : "them"} to another programme or delete ${events === 1 ? "it" : "them"} first.` } as const;
    }
    await tx.programme.delete({ where: { id: current.id } });
    await writeChangeLog(tx, [{ subject: "NATIONAL_DAY", action: "DELETE", subjectId: current.id, subjectSlug: current.slug, label: current.name, fields: fieldChanges(before, null, FIELDS), actorId }]);
    return { ok: true, status: 200, deleted: true } as const;
  });
}

// What the /admin national-day pages show and edit, in the form's shape: the date as YYYY-MM-DD,
// the timeline as the form's lines, updatedAt as the ISO instant PATCH and DELETE carry back.

export interface AdminNationalDayJson {
  slug: string;
  name: string;
  country: string;
  date: string;
  summary: string;
  timeline: string;
  /** Events that belong to it: while there are any it cannot be deleted. */
  events: number;
  updatedAt: string;
}

const isoDate = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : "");

export async function listAdminNationalDays(): Promise<{ slug: string; name: string; date: string }[]> {
  const rows = await prisma.programme.findMany({ where: { kind: "NATIONAL_DAY" }, select: { slug: true, name: true, date: true }, orderBy: [{ date: "asc" }, { name: "asc" }] });
  return rows.map((row) => ({ ...row, date: isoDate(row.date) }));
}

export async function getAdminNationalDay(slug: string): Promise<AdminNationalDayJson | null> {
  const row = await prisma.programme.findFirst({
    where: { slug, kind: "NATIONAL_DAY" },
    select: {
      slug: true,
      name: true,
      country: true,
      date: true,
      summary: true,
      updatedAt: true,
      _count: { select: { events: true } },
      timeline: { select: { date: true, dateLabel: true, text: true }, orderBy: { position: "asc" } },
    },
  });
  if (!row) return null;
  return {
    slug: row.slug,
    name: row.name,
    country: row.country ?? "",
    date: isoDate(row.date),
    summary: row.summary,
    timeline: timelineText(row.timeline.map((entry) => ({ ...entry, date: isoDate(entry.date) }))),
    events: row._count.events,
    updatedAt: row.updatedAt.toISOString(),
  };
}
