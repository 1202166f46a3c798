import "server-only";
import { prisma } from "../db";
import { timelineText } from "./national-day-input";

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
