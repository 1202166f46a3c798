// The expo site plan and the city inset, as SVG coordinates computed from the venues' latitude and
// longitude in the database. Pure: the page draws what this returns, with no tiles and no request
// to anyone. Over a few kilometres an equirectangular projection (longitude scaled by the cosine
// of the latitude) is exact enough to place pins and measure walks.
import type { VenueKind } from "../generated/prisma/enums";
import { haversineKm } from "../itinerary/schedule-checks";

/** Nur Alem, the sphere at the centre of the grounds. */
export const EXPO_CENTRE = { latitude: 51.0893, longitude: 71.416 };
/** Venues further than this from the centre are in the city, not on the grounds (the grounds are about 1 km across). */
export const GROUNDS_RADIUS_KM = 1.2;

export const PLAN_WIDTH = 800;
export const INSET_WIDTH = 360;
const PLAN_PADDING = 60;
const INSET_PADDING = 40;

export interface MapVenue {
  slug: string;
  name: string;
  kind: VenueKind;
  latitude: number;
  longitude: number;
}

export interface Pin {
  venue: MapVenue;
  x: number;
  y: number;
  /** Short label: "Pavilion of Japan" → "Japan". */
  label: string;
  /** Straight-line distance from Nur Alem, in metres. */
  distanceMeters: number;
}

export interface Projection {
  width: number;
  height: number;
  pins: Pin[];
  /** Where the EXPO centre falls (for the inset's "EXPO 2017" marker). */
  centre: { x: number; y: number };
}

export interface SitePlan {
  grounds: Projection;
  city: Projection;
  /** Slugs of venues on the grounds. */
  onGrounds: Set<string>;
}

export function isOnGrounds(venue: { latitude: number; longitude: number }): boolean {
  return haversineKm(EXPO_CENTRE, venue) <= GROUNDS_RADIUS_KM;
}

export function shortLabel(name: string): string {
  return name.replace(/^Pavilion of (the )?/, "").replace(/\s*\(.*\)$/, "");
}

function project(venues: readonly MapVenue[], width: number, padding: number): Projection {
  const all = [...venues.map((v) => ({ latitude: v.latitude, longitude: v.longitude })), EXPO_CENTRE];
  const scaleX = Math.cos((EXPO_CENTRE.latitude * Math.PI) / 180);
  const xs = all.map((p) => p.longitude * scaleX);
  const ys = all.map((p) => -p.latitude);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, 1e-6);
  const scale = (width - 2 * padding) / span;
  const height = Math.round(Math.max(maxY - minY, span / 4) * scale + 2 * padding);
  const at = (p: { latitude: number; longitude: number }) => ({
    x: Math.round((p.longitude * scaleX - minX) * scale + padding),
    y: Math.round((-p.latitude - minY) * scale + padding),
  });
  return {
    width,
    height,
    centre: at(EXPO_CENTRE),
    pins: venues.map((venue) => ({
      venue,
      ...at(venue),
      label: shortLabel(venue.name),
      distanceMeters: Math.round(haversineKm(EXPO_CENTRE, venue) * 1000),
    })),
  };
}

/** The grounds plan (venues near Nur Alem) and the city inset (the venues elsewhere in Astana). */
export function buildSitePlan(venues: readonly MapVenue[]): SitePlan {
  const grounds = venues.filter(isOnGrounds);
  const city = venues.filter((venue) => !isOnGrounds(venue));
  return {
    grounds: project(grounds, PLAN_WIDTH, PLAN_PADDING),
    city: project(city, INSET_WIDTH, INSET_PADDING),
    onGrounds: new Set(grounds.map((venue) => venue.slug)),
  };
}
