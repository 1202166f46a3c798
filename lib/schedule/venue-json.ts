// How a venue appears in the JSON API and in links.
import type { VenueKind } from "../generated/prisma/enums";

export const venueSelect = {
  slug: true,
  name: true,
  kind: true,
  description: true,
  address: true,
  latitude: true,
  longitude: true,
} as const;

export interface VenueRow {
  slug: string;
  name: string;
  kind: VenueKind;
  description: string;
  address: string;
  latitude: number;
  longitude: number;
}

export interface VenueJson {
  slug: string;
  name: string;
  /** "pavilion", "tent", "sector", "concert-hall", ... */
  kind: string;
  description: string;
  address: string;
  latitude: number;
  longitude: number;
  url: string;
}

const KIND_LABELS: Record<VenueKind, string> = {
  PAVILION: "Pavilion",
  TENT: "Tent",
  SECTOR: "Sector",
  ARENA: "Arena",
  THEATRE: "Theatre",
  MUSEUM: "Museum",
  HIPPODROME: "Hippodrome",
  STADIUM: "Stadium",
  CONCERT_HALL: "Concert hall",
  OPEN_AIR: "Open-air stage",
};

export function venueKindLabel(kind: VenueKind): string {
  return KIND_LABELS[kind];
}

export function venuePath(slug: string): string {
  return `/venues/${slug}`;
}

export function toVenueJson(venue: VenueRow, baseUrl: string): VenueJson {
  return {
    slug: venue.slug,
    name: venue.name,
    kind: venue.kind.toLowerCase().replace(/_/g, "-"),
    description: venue.description,
    address: venue.address,
    latitude: venue.latitude,
    longitude: venue.longitude,
    url: `${baseUrl}${venuePath(venue.slug)}`,
  };
}
