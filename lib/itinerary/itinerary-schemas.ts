// The inputs of the itinerary API, shared by the note form and the server.
import { z } from "zod";

export const MAX_NOTE_LENGTH = 1000;
// A browser keeps at most this many saves before sign-in; more is not a visitor but a script.
export const MAX_DEVICE_SAVES = 500;

export const noteSchema = z
  .string({ error: "must be text or null" })
  .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters`)
  .nullable();

/** Body of PUT /api/itinerary/{eventSlug}: empty, `{}` or `{"note": "…"}` (null or "" clears it). */
export const saveEventBodySchema = z.strictObject(
  { note: noteSchema.optional() },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `has unknown field(s): ${issue.keys.join(", ")}` : "must be a JSON object") },
);

/** Body of POST /api/itinerary/merge: the slugs saved in the browser before sign-in. */
export const mergeBodySchema = z.strictObject({
  slugs: z
    .array(z.string({ error: "must be a list of event slugs" }).min(1).max(200), { error: "must be a list of event slugs" })
    .max(MAX_DEVICE_SAVES, `must list at most ${MAX_DEVICE_SAVES} events`),
});
