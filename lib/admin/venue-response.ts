import { ADMIN_NO_STORE } from "./admin-responses";
import type { VenueOutcome } from "./venue-editor";

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
