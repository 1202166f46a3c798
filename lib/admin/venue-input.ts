// One schema for a venue as organisers enter it: the /admin venue form checks it in the browser,
// /api/admin/venues checks it again on the server (lib/admin/venue-editor.ts). No server-only
// imports here, so the client form can use it.
import { z } from "zod";
import { isSlug } from "../http/paths";
import { oneLineText } from "./event-input";

export const VENUE_KINDS = ["PAVILION", "TENT", "SECTOR", "ARENA", "THEATRE", "MUSEUM", "HIPPODROME", "STADIUM", "CONCERT_HALL", "OPEN_AIR"] as const;

export const venueFieldsSchema = z.object({
  slug: z.string().trim().refine(isSlug, "must be a slug (lower-case letters, digits and hyphens)"),
  name: oneLineText(200),
  kind: z.string().trim().toUpperCase().pipe(z.enum(VENUE_KINDS, { error: `must be one of ${VENUE_KINDS.join(", ").toLowerCase()}` })),
  description: z.string().max(5000, "must be at most 5,000 characters").optional().transform((value) => (value ?? "").trim()),
  address: oneLineText(300),
  latitude: z.coerce.number({ error: "must be a number" }).min(-90, "must be -90 to 90").max(90, "must be -90 to 90"),
  longitude: z.coerce.number({ error: "must be a number" }).min(-180, "must be -180 to 180").max(180, "must be -180 to 180"),
});

export const venuePatchSchema = venueFieldsSchema.partial().extend({
  /** The venue's updatedAt when the editor loaded it. */
  updatedAt: z.string({ error: "is required" }).refine((value) => !Number.isNaN(Date.parse(value)), "must be the venue's updatedAt"),
});
