import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { isSlug } from "../http/paths";
import { type ParameterProblem, type ParseResult, problemsFromZod } from "../http/problems";
import { readSearchParams } from "../schedule/event-filters";
import { parseIsoDate } from "../time/astana";
import { type ChangeKind, describeChange, KIND_LABELS } from "./describe-change";

// The public change log: /changes, GET /api/changes and /changes.atom read it here. Who made a
// change (actorId) is never selected, so it cannot leak into a page or an answer.

export const CHANGE_KINDS = ["new", "moved", "rescheduled", "cancelled", "reinstated", "removed", "changed"] as const;
const KEYS = ["since", "day", "venue", "kind", "limit", "cursor"] as const;

function decodeCursor(value: string): number | null {
  const text = Buffer.from(value, "base64url").toString("utf8");
  return /^c:[1-9]\d{0,9}$/.test(text) ? Number(text.slice(2)) : null;
}

export function encodeCursor(id: number): string {
  return Buffer.from(`c:${id}`, "utf8").toString("base64url");
}

const changesQuerySchema = z.object({
  since: z
    .string()
    .optional()
    .refine((value) => value === undefined || (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))), "must be an ISO 8601 instant, e.g. 2017-07-01T00:00:00Z")
    .transform((value) => (value === undefined ? undefined : new Date(value))),
  day: z
    .string()
    .optional()
    .refine((value) => value === undefined || parseIsoDate(value) !== null, "must be a date YYYY-MM-DD"),
  venue: z
    .string()
    .optional()
    .refine((value) => value === undefined || isSlug(value), "is not a venue slug"),
  kind: z.enum(CHANGE_KINDS, { error: `must be one of ${CHANGE_KINDS.join(", ")}` }).optional(),
  limit: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 to 200").max(200, "must be 1 to 200").default(50),
  cursor: z
    .string()
    .optional()
    .refine((value) => value === undefined || decodeCursor(value) !== null, "is not a cursor from a previous answer")
    .transform((value) => (value === undefined ? undefined : decodeCursor(value)!)),
});

export type ChangesQuery = z.output<typeof changesQuerySchema>;

export function parseChangesQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): ParseResult<ChangesQuery> {
  const raw = readSearchParams(params, KEYS);
  if (!raw.ok) return raw;
  const parsed = changesQuerySchema.safeParse(raw.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, details: problemsFromZod(parsed.error) };
}

export interface PublicChange {
  id: number;
  at: string;
  kind: ChangeKind;
  subject: "event" | "venue" | "national-day";
  slug: string;
  title: string;
  /** Astana day of the event after the change. */
  day: string | null;
  /** Plain-words lines: "Thu 13 Jul 19:00 → Fri 14 Jul 20:00", "Cancelled". */
  summary: string[];
  fields: Record<string, { old: unknown; new: unknown }>;
}

const SELECT = {
  id: true,
  createdAt: true,
  subject: true,
  action: true,
  kind: true,
  subjectSlug: true,
  label: true,
  fields: true,
  day: true,
} satisfies Prisma.ChangeLogEntrySelect;

type Row = Prisma.ChangeLogEntryGetPayload<{ select: typeof SELECT }>;

const SUBJECTS = { EVENT: "event", VENUE: "venue", NATIONAL_DAY: "national-day" } as const;

export async function venueNames(): Promise<Map<string, string>> {
  const venues = await prisma.venue.findMany({ select: { slug: true, name: true } });
  return new Map(venues.map((venue) => [venue.slug, venue.name]));
}

export function publicChangeOf(row: Row, names: ReadonlyMap<string, string>): PublicChange {
  const fields = { ...(row.fields as Record<string, { old: unknown; new: unknown }>) };
  delete fields.version; // an editing detail, not news
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    kind: row.kind as ChangeKind,
    subject: SUBJECTS[row.subject],
    slug: row.subjectSlug,
    title: row.label,
    day: row.day ? row.day.toISOString().slice(0, 10) : null,
    summary: describeChange(row.action, fields, names),
    fields,
  };
}

export type ChangesPage = { changes: PublicChange[]; nextCursor: string | null };

/**
 * Changes in the order they happened (oldest first) for machines catching up since an instant,
 * or newest first for people (/changes, Atom).
 */
export async function listChanges(query: Partial<ChangesQuery> & { limit: number }, order: "asc" | "desc" = "asc"): Promise<ParseResult<ChangesPage>> {
  let venueId: number | undefined;
  if (query.venue) {
    const venue = await prisma.venue.findUnique({ where: { slug: query.venue }, select: { id: true } });
    if (!venue) return { ok: false, details: [{ parameter: "venue", message: `no venue "${query.venue}"` } satisfies ParameterProblem] };
    venueId = venue.id;
  }
  const where: Prisma.ChangeLogEntryWhereInput = {
    ...(query.since && { createdAt: { gte: query.since } }),
    ...(query.day && { day: new Date(`${query.day}T00:00:00Z`) }),
    ...(venueId !== undefined && { venueId }),
    ...(query.cursor !== undefined && { id: order === "asc" ? { gt: query.cursor } : { lt: query.cursor } }),
    ...(query.kind && { kind: query.kind }),
  };
  const [rows, names] = await Promise.all([
    prisma.changeLogEntry.findMany({ where, select: SELECT, orderBy: { id: order }, take: query.limit + 1 }),
    venueNames(),
  ]);
  const page = rows.slice(0, query.limit);
  return {
    ok: true,
    value: {
      changes: page.map((row) => publicChangeOf(row, names)),
      nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1].id) : null,
    },
  };
}

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

// The change log as Atom (RFC 4287) for feed readers. Every text is XML-escaped and stripped of
// control characters XML 1.0 cannot carry; ids are tag: URIs that never change for an entry.

const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlText(value: string): string {
  return value
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function entryLink(baseUrl: string, change: PublicChange): string {
  if (change.subject === "event" && change.kind !== "removed") return `${baseUrl}/events/${encodeURIComponent(change.slug)}`;
  if (change.subject === "venue") return `${baseUrl}/venues/${encodeURIComponent(change.slug)}`;
  if (change.subject === "national-day") return `${baseUrl}/national-days/${encodeURIComponent(change.slug)}`;
  return `${baseUrl}/changes`;
}

export function renderChangesAtom(changes: readonly PublicChange[], baseUrl: string): string {
  const updated = changes[0]?.at ?? "2017-06-10T00:00:00.000Z";
  const entries = changes.map((change) => {
    const link = entryLink(baseUrl, change);
    const title = `${KIND_LABELS[change.kind]}: ${change.title}`;
    return [
      "  <entry>",
      `    <id>tag:expo2017-schedule,2017:change-${change.id}</id>`,
      `    <title>${xmlText(title)}</title>`,
      `    <updated>${change.at}</updated>`,
      `    <link rel="alternate" href="${xmlText(link)}"/>`,
      `    <content type="text">${xmlText(change.summary.join("\n") || title)}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "  <id>tag:expo2017-schedule,2017:changes</id>",
    "  <title>EXPO 2017 Astana — programme changes</title>",
    `  <updated>${updated}</updated>`,
    "  <author><name>EXPO 2017 Astana organisers</name></author>",
    `  <link rel="self" href="${xmlText(`${baseUrl}/changes.atom`)}"/>`,
    `  <link rel="alternate" href="${xmlText(`${baseUrl}/changes`)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
