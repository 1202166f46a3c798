import "server-only";
import { prisma, Prisma } from "../db";
import { changedFields } from "../programme/event-changes";
import { ADMIN_NO_STORE } from "./access";
import { fieldChanges, writeChangeLog } from "./change-log";
import { type FieldProblem, problemsOf } from "./event-input";
import { venueFieldsSchema, venuePatchSchema } from "./venue-input";

export { venueFieldsSchema, venuePatchSchema } from "./venue-input";

// Venues: create and edit, with the same optimistic concurrency as events but on updatedAt (the
// instant the editor loaded), and a change-log row in the same transaction. A renamed venue's
// events get their search text rebuilt in the same statement-per-change.

const FIELDS = ["slug", "name", "kind", "description", "address", "latitude", "longitude"] as const;
const SELECT = { id: true, slug: true, name: true, kind: true, description: true, address: true, latitude: true, longitude: true, updatedAt: true } as const;

export type VenueOutcome =
  | { ok: true; status: 200 | 201; venue: Prisma.VenueGetPayload<{ select: typeof SELECT }> }
  | { ok: false; status: 400 | 404 | 409; error: string; details?: FieldProblem[]; fields?: string[] };

const invalid = (details: FieldProblem[]): VenueOutcome => ({ ok: false, status: 400, error: `Invalid venue: ${[...new Set(details.map((d) => d.parameter))].join(", ")}`, details });

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createVenue(input: unknown, actorId: string | null): Promise<VenueOutcome> {
  const parsed = venueFieldsSchema.safeParse(input);
  if (!parsed.success) return invalid(problemsOf(parsed.error));
  try {
    return await prisma.$transaction(async (tx) => {
      const venue = await tx.venue.create({ data: parsed.data, select: SELECT });
      await writeChangeLog(tx, [
        { subject: "VENUE", action: "CREATE", subjectId: venue.id, subjectSlug: venue.slug, label: venue.name, fields: fieldChanges(null, parsed.data, FIELDS.filter((f) => f !== "slug")), actorId },
      ]);
      return { ok: true, status: 201, venue } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid([{ parameter: "slug", message: "is already used by another venue" }]);
    throw error;
  }
}

export async function updateVenue(slug: string, input: unknown, actorId: string | null): Promise<VenueOutcome> {
  const parsed = venuePatchSchema.safeParse(input);
  if (!parsed.success) return invalid(problemsOf(parsed.error));
  const { updatedAt, ...patch } = parsed.data;
  try {
    return await prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Venue" WHERE "slug" = ${slug} FOR UPDATE`;
      if (locked.length === 0) return { ok: false, status: 404, error: `No venue "${slug.slice(0, 100)}"` } as const;
      const current = await tx.venue.findUniqueOrThrow({ where: { id: locked[0].id }, select: SELECT });
      if (current.updatedAt.getTime() !== new Date(updatedAt).getTime()) {
        return { ok: false, status: 409, error: "Someone else changed this venue since you opened it. Reload it to see their change, then apply yours again." } as const;
      }
      const before = Object.fromEntries(FIELDS.map((field) => [field, current[field]])) as Pick<typeof current, (typeof FIELDS)[number]>;
      const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) };
      const changed = changedFields(before, after);
      if (changed.length === 0) return { ok: true, status: 200, venue: current } as const;
      const venue = await tx.venue.update({ where: { id: current.id }, data: after, select: SELECT });
      if (changed.includes("name")) {
        // The events' search text includes the venue's name (lib/seed/build-search-text.ts: non-empty
        // parts joined by spaces, lower-cased); updatedAt moves so feeds carry the new name.
        await tx.$executeRaw`
          UPDATE "Event" SET
            "searchText" = lower(array_to_string(array_remove(ARRAY["title", "description"] || "performers" || ARRAY[${venue.name}::text], ''), ' ')),
            "updatedAt" = now()
          WHERE "venueId" = ${venue.id}`;
      }
      await writeChangeLog(tx, [
        { subject: "VENUE", action: "UPDATE", subjectId: venue.id, subjectSlug: venue.slug, label: venue.name, fields: fieldChanges(before, after, changed), actorId },
      ]);
      return { ok: true, status: 200, venue } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid([{ parameter: "slug", message: "is already used by another venue" }]);
    throw error;
  }
}

export type VenueDeleteOutcome = { ok: true; status: 200; deleted: true } | { ok: false; status: 400 | 404 | 409; error: string; details?: FieldProblem[] };

/**
 * Deletes a venue no event uses, with `updatedAt` as the version like an edit. A venue with events
 * is refused (409) naming how many: every event needs a venue, so they must move first.
 */
export async function deleteVenue(slug: string, updatedAt: string | null, actorId: string | null): Promise<VenueDeleteOutcome> {
  if (updatedAt === null || Number.isNaN(Date.parse(updatedAt))) {
    return { ok: false, status: 400, error: "Invalid venue: updatedAt", details: [{ parameter: "updatedAt", message: "is required: the venue's updatedAt" }] };
  }
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Venue" WHERE "slug" = ${slug} FOR UPDATE`;
    if (locked.length === 0) return { ok: false, status: 404, error: `No venue "${slug.slice(0, 100)}"` } as const;
    const current = await tx.venue.findUniqueOrThrow({ where: { id: locked[0].id }, select: { ...SELECT, _count: { select: { events: true } } } });
    if (current.updatedAt.getTime() !== new Date(updatedAt).getTime()) {
      return { ok: false, status: 409, error: "Someone else changed this venue since you opened it. Reload it before deleting it." } as const;
    }
    const events = current._count.events;
    if (events > 0) {
      return { ok: false, status: 409, error: `${events} event${events === 1 ? " uses" : "s use"} this venue; move ${events === 1 ? "it" : "them"} to another venue or delete ${events === 1 ? "it" : "them"} first.` } as const;
    }
    await tx.venue.delete({ where: { id: current.id } });
    await writeChangeLog(tx, [
      { subject: "VENUE", action: "DELETE", subjectId: current.id, subjectSlug: current.slug, label: current.name, fields: fieldChanges(current, null, FIELDS.filter((f) => f !== "slug")), actorId },
    ]);
    return { ok: true, status: 200, deleted: true } as const;
  });
}

// What the /admin venue pages show and edit: every field the venue form sends, in the form's shape
// (the kind lower-case as the schema accepts it, updatedAt as the ISO instant PATCH carries back).

export interface AdminVenueJson {
  slug: string;
  name: string;
  kind: string;
  description: string;
  address: string;
  latitude: number;
  longitude: number;
  updatedAt: string;
}

const FORM_SELECT = { slug: true, name: true, kind: true, description: true, address: true, latitude: true, longitude: true, updatedAt: true } as const;

function toJson(row: { slug: string; name: string; kind: string; description: string | null; address: string | null; latitude: number | null; longitude: number | null; updatedAt: Date }): AdminVenueJson {
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind.toLowerCase(),
    description: row.description ?? "",
    address: row.address ?? "",
    latitude: row.latitude ?? 0,
    longitude: row.longitude ?? 0,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listAdminVenues(): Promise<AdminVenueJson[]> {
  return (await prisma.venue.findMany({ select: FORM_SELECT, orderBy: { name: "asc" } })).map(toJson);
}

export async function getAdminVenue(slug: string): Promise<AdminVenueJson | null> {
  const row = await prisma.venue.findUnique({ where: { slug }, select: FORM_SELECT });
  return row ? toJson(row) : null;
}

export function venueResponse(outcome: VenueOutcome): Response {
  if (!outcome.ok) {
    const { status, error, details } = outcome;
    return Response.json({ error, ...(details && { details }) }, { status, headers: ADMIN_NO_STORE });
  }
  const { venue } = outcome;
  return Response.json(
    { venue: { slug: venue.slug, name: venue.name, kind: venue.kind.toLowerCase(), description: venue.description, address: venue.address, latitude: venue.latitude, longitude: venue.longitude, updatedAt: venue.updatedAt.toISOString() } },
    { status: outcome.status, headers: ADMIN_NO_STORE },
  );
}
