// The inputs of the itinerary API, shared by the note form and the server.
import { z } from "zod";
// The limits live in modules the browser loads, which must not import zod.
import { MAX_DEVICE_SAVES } from "./device-saves";
import { MAX_NOTE_LENGTH } from "./form-choices";

export { MAX_DEVICE_SAVES, MAX_NOTE_LENGTH };

// Line breaks and tabs belong in a note; other control characters do not, and PostgreSQL refuses NUL.
const NOTE_CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const noteSchema = z
  .string({ error: "must be text or null" })
  .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters`)
  .refine((note) => !NOTE_CONTROL_CHARACTER.test(note), "must not contain control characters other than line breaks and tabs")
  .nullable();

/** Body of PUT /api/itinerary/{eventSlug}: empty, `{}` or `{"note": "…"}` (null or "" clears it). */
export const saveEventBodySchema = z.strictObject(
  { note: noteSchema.optional() },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `has unknown field(s): ${issue.keys.join(", ")}` : "must be a JSON object") },
);

/**
 * Body of POST /api/itinerary/merge: the slugs saved in the browser before sign-in. A string that
 * is not a slug is reported as unknown like any other missing event (the browser's storage may
 * hold anything), not refused: only the slugs are ever looked up.
 */
export const mergeBodySchema = z.strictObject({
  slugs: z
    .array(z.string({ error: "must be a list of event slugs" }).min(1).max(200), { error: "must be a list of event slugs" })
    .max(MAX_DEVICE_SAVES, `must list at most ${MAX_DEVICE_SAVES} events`),
});
