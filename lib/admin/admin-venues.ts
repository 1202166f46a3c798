import "server-only";
import { prisma } from "../db";

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

const SELECT = { slug: true, name: true, kind: true, description: true, address: true, latitude: true, longitude: true, updatedAt: true } as const;

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
  return (await prisma.venue.findMany({ select: SELECT, orderBy: { name: "asc" } })).map(toJson);
}

export async function getAdminVenue(slug: string): Promise<AdminVenueJson | null> {
  const row = await prisma.venue.findUnique({ where: { slug }, select: SELECT });
  return row ? toJson(row) : null;
}
