import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { changedFields } from "../programme/event-changes";
import { parseIsoDate } from "../time/astana";
import { fieldChanges, writeChangeLog } from "./change-log";
import { oneLineText, problemsOf, type FieldProblem } from "./event-input";

// National days (Programme rows of kind NATIONAL_DAY) and their timelines: edited like venues,
// with updatedAt as the version and a change-log row in the same transaction. A given timeline
// replaces the stored one whole, in the order given.

const isoDate = z.string().trim().refine((value) => parseIsoDate(value) !== null, "must be a date YYYY-MM-DD");

export const timelineEntrySchema = z.object({
  date: isoDate,
  dateLabel: oneLineText(100),
  text: oneLineText(1000),
});

export const nationalDayPatchSchema = z.object({
  updatedAt: z.string({ error: "is required" }).refine((value) => !Number.isNaN(Date.parse(value)), "must be the national day's updatedAt"),
  name: oneLineText(200).optional(),
  country: oneLineText(100).optional(),
  date: isoDate.optional(),
  summary: z.string().max(5000, "must be at most 5,000 characters").optional(),
  timeline: z.array(timelineEntrySchema).max(200, "must have at most 200 entries").optional(),
});

export type NationalDayOutcome =
  | { ok: true; status: 200; updatedAt: string; changed: string[] }
  | { ok: false; status: 400 | 404 | 409; error: string; details?: FieldProblem[] };

const line = (entry: { date: Date | string; dateLabel: string; text: string }) =>
  `${typeof entry.date === "string" ? entry.date : entry.date.toISOString().slice(0, 10)} | ${entry.dateLabel} | ${entry.text}`;

export async function updateNationalDay(slug: string, input: unknown, actorId: string | null): Promise<NationalDayOutcome> {
  const parsed = nationalDayPatchSchema.safeParse(input);
  if (!parsed.success) {
    const details = problemsOf(parsed.error);
    return { ok: false, status: 400, error: `Invalid national day: ${[...new Set(details.map((d) => d.parameter))].join(", ")}`, details };
  }
  const { updatedAt, timeline, ...patch } = parsed.data;
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Programme" WHERE "slug" = ${slug} AND "kind" = 'NATIONAL_DAY' FOR UPDATE`;
    if (locked.length === 0) return { ok: false, status: 404, error: `No national day "${slug.slice(0, 100)}"` } as const;
    const current = await tx.programme.findUniqueOrThrow({
      where: { id: locked[0].id },
      select: { id: true, name: true, country: true, date: true, summary: true, updatedAt: true, timeline: { select: { date: true, dateLabel: true, text: true }, orderBy: { position: "asc" } } },
    });
    if (current.updatedAt.getTime() !== new Date(updatedAt).getTime()) {
      return { ok: false, status: 409, error: "Someone else changed this national day since you opened it. Reload it to see their change, then apply yours again." } as const;
    }
    const before = {
      name: current.name,
      country: current.country,
      date: current.date ? current.date.toISOString().slice(0, 10) : null,
      summary: current.summary,
      timeline: current.timeline.map(line),
    };
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
      ...(timeline && { timeline: timeline.map(line) }),
    };
    const changed = changedFields(before, after);
    if (changed.length === 0) return { ok: true, status: 200, updatedAt: current.updatedAt.toISOString(), changed } as const;
    if (timeline && changed.includes("timeline")) {
      await tx.timelineEntry.deleteMany({ where: { programmeId: current.id } });
      await tx.timelineEntry.createMany({
        data: timeline.map((entry, position) => ({ programmeId: current.id, position, date: new Date(`${entry.date}T00:00:00Z`), dateLabel: entry.dateLabel, text: entry.text })),
      });
    }
    // updatedAt moves even for a timeline-only change: it is the version editors and feeds read.
    const updated = await tx.programme.update({
      where: { id: current.id },
      data: {
        name: after.name,
        country: after.country,
        summary: after.summary,
        date: after.date ? new Date(`${after.date}T00:00:00Z`) : null,
        updatedAt: new Date(),
      },
      select: { slug: true, name: true, updatedAt: true },
    });
    await writeChangeLog(tx, [
      { subject: "NATIONAL_DAY", action: "UPDATE", subjectId: current.id, subjectSlug: updated.slug, label: updated.name, fields: fieldChanges(before, after, changed), actorId },
    ]);
    return { ok: true, status: 200, updatedAt: updated.updatedAt.toISOString(), changed } as const;
  });
}
