import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { buildSearchText, SCHEDULING_FIELDS } from "../programme/event-changes";

type Tx = Prisma.TransactionClient;

// Events as organisers see them: references by slug, times as instants. Comparing and logging in
// this form means the change log reads "venue: astana-opera → barys-arena", not database ids.
export type EditableEvent = {
  slug: string;
  title: string;
  description: string;
  performers: string[];
  category: string;
  subcategory: string | null;
  venue: string;
  programme: string | null;
  start: Date;
  end: Date;
  status: "SCHEDULED" | "CANCELLED";
  admission: "FREE" | "TICKETED" | "UNKNOWN";
};

export const EDITABLE_FIELDS = [
  "slug",
  "title",
  "description",
  "performers",
  "category",
  "subcategory",
  "venue",
  "programme",
  "start",
  "end",
  "status",
  "admission",
] as const satisfies readonly (keyof EditableEvent)[];

export type EditableField = (typeof EDITABLE_FIELDS)[number];

// The seed's rule (lib/programme/event-changes.ts): a change of time, place or status raises SEQUENCE.
const COLUMN_OF: Partial<Record<EditableField, string>> = { start: "startsAt", end: "endsAt", venue: "venueId", status: "status" };

export function raisesSequence(fields: readonly string[]): boolean {
  return fields.some((field) => (SCHEDULING_FIELDS as readonly string[]).includes(COLUMN_OF[field as EditableField] ?? field));
}

export const STORED_EVENT_SELECT = {
  id: true,
  uid: true,
  slug: true,
  title: true,
  description: true,
  performers: true,
  startsAt: true,
  endsAt: true,
  status: true,
  admission: true,
  sequence: true,
  version: true,
  timeIsIllustrative: true,
  updatedAt: true,
  category: { select: { slug: true } },
  subcategory: { select: { slug: true } },
  venue: { select: { slug: true, name: true } },
  programme: { select: { slug: true } },
  _count: { select: { savedBy: true } },
} satisfies Prisma.EventSelect;

export type StoredEventRow = Prisma.EventGetPayload<{ select: typeof STORED_EVENT_SELECT }>;

export function editableOf(row: StoredEventRow): EditableEvent {
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    performers: row.performers,
    category: row.category.slug,
    subcategory: row.subcategory?.slug ?? null,
    venue: row.venue.slug,
    programme: row.programme?.slug ?? null,
    start: row.startsAt,
    end: row.endsAt,
    status: row.status,
    admission: row.admission,
  };
}

export interface ReferenceIds {
  venues: Map<string, { id: number; name: string }>;
  categories: Map<string, number>;
  programmes: Map<string, number>;
}

/** Ids of the venues, categories and programmes named by slug: three queries whatever the count. */
export async function loadReferences(
  tx: Tx,
  slugs: { venues: Iterable<string>; categories: Iterable<string>; programmes: Iterable<string> },
): Promise<ReferenceIds> {
  const [venues, categories, programmes] = await Promise.all([
    tx.venue.findMany({ where: { slug: { in: [...new Set(slugs.venues)] } }, select: { id: true, slug: true, name: true } }),
    tx.category.findMany({ where: { slug: { in: [...new Set(slugs.categories)] } }, select: { id: true, slug: true } }),
    tx.programme.findMany({ where: { slug: { in: [...new Set(slugs.programmes)] } }, select: { id: true, slug: true } }),
  ]);
  return {
    venues: new Map(venues.map((venue) => [venue.slug, { id: venue.id, name: venue.name }])),
    categories: new Map(categories.map((category) => [category.slug, category.id])),
    programmes: new Map(programmes.map((programme) => [programme.slug, programme.id])),
  };
}

/** Which references of an event do not exist, as field problems. */
export function missingReferences(event: EditableEvent, ids: ReferenceIds): { parameter: EditableField; message: string }[] {
  const problems: { parameter: EditableField; message: string }[] = [];
  if (!ids.venues.has(event.venue)) problems.push({ parameter: "venue", message: `no venue "${event.venue}"` });
  if (!ids.categories.has(event.category)) problems.push({ parameter: "category", message: `no category "${event.category}"` });
  if (event.subcategory !== null && !ids.categories.has(event.subcategory)) {
    problems.push({ parameter: "subcategory", message: `no category "${event.subcategory}"` });
  }
  if (event.programme !== null && !ids.programmes.has(event.programme)) {
    problems.push({ parameter: "programme", message: `no programme "${event.programme}"` });
  }
  return problems;
}

/** Just the editable fields of a parsed input (which also carries form-only options). */
export function pickEditable(input: EditableEvent): EditableEvent {
  return Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, input[field]])) as EditableEvent;
}

/** An event's columns as stored (without its slug and uid), with the ids its slugs name; one mapping for edits and imports. */
export function eventColumns(event: EditableEvent, ids: ReferenceIds) {
  const venue = ids.venues.get(event.venue)!;
  return {
    title: event.title,
    description: event.description,
    performers: event.performers,
    categoryId: ids.categories.get(event.category)!,
    subcategoryId: event.subcategory === null ? null : ids.categories.get(event.subcategory)!,
    venueId: venue.id,
    programmeId: event.programme === null ? null : ids.programmes.get(event.programme)!,
    startsAt: event.start,
    endsAt: event.end,
    status: event.status,
    admission: event.admission,
    searchText: buildSearchText(event, venue.name),
  };
}
