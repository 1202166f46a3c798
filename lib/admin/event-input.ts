// One schema for an event as organisers enter it: the /admin form checks it in the browser, the
// server actions, /api/admin/events and every row of an import check it again on the server.
// Field names are the CSV header's (README "Organiser tools").
import { z } from "zod";
import type { ParameterProblem } from "../http/problems";
import { isSlug } from "../http/paths";
import { EXPO_FIRST_DAY, EXPO_LAST_DAY } from "../time/expo-dates";
import { zonedTimeToUtc } from "../time/astana";
import { parseAstanaInput } from "./astana-input-time";

// Control characters could end a line in a calendar feed or hide text; titles and names are one
// line, descriptions may keep their line breaks (feeds turn them into spaces, lib/calendar/feed-text.ts).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

export const oneLineText = (max: number) =>
  z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL.test(value), "must not contain line breaks or control characters");

const optionalSlug = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isSlug(value), "must be a slug (lower-case letters, digits and hyphens)");

const slug = z
  .string({ error: "is required" })
  .trim()
  .refine(isSlug, "must be a slug (lower-case letters, digits and hyphens, at most 100)");

const instant = z
  .string({ error: "is required" })
  .transform((value, ctx) => {
    const parsed = parseAstanaInput(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: 'must be an Astana time like "2017-07-13 19:00" or an ISO instant with offset' });
      return z.NEVER;
    }
    return parsed;
  });

// Performers: a list in JSON, one per line in the form, separated by ";" in CSV.
const performers = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((value) => (typeof value === "string" ? value.split(/[;\n]/) : (value ?? [])).map((item) => item.trim()).filter(Boolean))
  .refine((items) => items.every((item) => !CONTROL.test(item) && item.length <= 200), "each performer must be one line of at most 200 characters")
  .refine((items) => items.length <= 100, "must list at most 100 performers");

const description = z
  .string()
  .optional()
  .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim())
  .refine((value) => value.length <= 5000, "must be at most 5,000 characters")
  .refine((value) => !CONTROL_EXCEPT_NEWLINE.test(value), "must not contain control characters");

const status = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(["SCHEDULED", "CANCELLED"], { error: 'must be "scheduled" or "cancelled"' }));

const admission = z
  .string()
  .trim()
  .toUpperCase()
  .optional()
  .transform((value) => value || "UNKNOWN")
  .pipe(z.enum(["FREE", "TICKETED", "UNKNOWN"], { error: 'must be "free", "ticketed" or "unknown"' }));

const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

export const eventFieldsSchema = z.object({
  slug,
  title: oneLineText(200),
  description,
  performers,
  category: slug,
  subcategory: optionalSlug,
  venue: slug,
  programme: optionalSlug,
  start: instant,
  end: instant,
  status: status.optional().transform((value) => value ?? "SCHEDULED"),
  admission,
  /** Dates outside 10 June – 10 September 2017 are refused unless this is ticked. */
  allowOutsideExpo: checkbox,
});

export type EventInput = z.output<typeof eventFieldsSchema>;

export const EXPO_OPENS = zonedTimeToUtc(EXPO_FIRST_DAY, "00:00");
// The expo's last day ends at midnight Astana time.
export const EXPO_CLOSES = new Date(zonedTimeToUtc(EXPO_LAST_DAY, "00:00").getTime() + 24 * 60 * 60 * 1000);

/** A bad field of an organiser's input, in the app's one error shape (lib/http/problems.ts). */
export type FieldProblem = ParameterProblem;

/** The rules that involve both times; also run on a partial change merged with the stored event. */
export function timeProblems(start: Date, end: Date, allowOutsideExpo: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (end.getTime() <= start.getTime()) problems.push({ parameter: "end", message: "must be after the start" });
  if (!allowOutsideExpo) {
    if (start < EXPO_OPENS || start >= EXPO_CLOSES) problems.push({ parameter: "start", message: "must be during the expo (10 June – 10 September 2017)" });
    if (end <= EXPO_OPENS || end > EXPO_CLOSES) problems.push({ parameter: "end", message: "must be during the expo (10 June – 10 September 2017)" });
  }
  return problems;
}

export const eventInputSchema = eventFieldsSchema.superRefine((event, ctx) => {
  for (const problem of timeProblems(event.start, event.end, event.allowOutsideExpo)) {
    ctx.addIssue({ code: "custom", path: [problem.parameter], message: problem.message });
  }
});

/** A change to some fields of a stored event: the version the organiser started from is required. */
export const eventPatchSchema = eventFieldsSchema.partial().extend({
  version: z.coerce.number({ error: "is required" }).int("must be a whole number").positive("must be positive"),
  allowOutsideExpo: checkbox,
});

export type EventPatch = z.output<typeof eventPatchSchema>;

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ parameter: issue.path.join(".") || "body", message: issue.message }));
}
