// One schema for a national day as organisers enter it: the /admin national-day form checks it in
// the browser, /api/admin/national-days checks it again on the server (national-day-editor.ts).
// No server-only imports here, so the client form can use it.
import { z } from "zod";
import { isSlug } from "../http/paths";
import { parseIsoDate } from "../time/astana";
import { EXPO_FIRST_DAY, EXPO_LAST_DAY } from "../time/expo-dates";
import { oneLineText } from "./event-input";

const isoDate = z
  .string({ error: "is required" })
  .trim()
  .refine((value) => parseIsoDate(value) !== null, "must be a date YYYY-MM-DD");

export const timelineEntrySchema = z.object({
  date: isoDate,
  dateLabel: oneLineText(100),
  text: oneLineText(1000),
});

export type TimelineEntryInput = z.output<typeof timelineEntrySchema>;

const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

const nationalDayFields = {
  slug: z
    .string({ error: "is required" })
    .trim()
    .refine(isSlug, "must be a slug (lower-case letters, digits and hyphens)"),
  name: oneLineText(200),
  country: oneLineText(100),
  date: isoDate,
  summary: z
    .string()
    .max(5000, "must be at most 5,000 characters")
    .optional()
    .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim()),
  // Timeline dates are history (1992, 1995…): only the day itself must fall inside the expo.
  timeline: z.array(timelineEntrySchema).max(200, "must have at most 200 entries").optional(),
  /** A date outside 10 June – 10 September 2017 is refused unless this is ticked. */
  allowOutsideExpo: checkbox,
};

function checkExpoDay(day: { date?: string; allowOutsideExpo: boolean }, ctx: z.RefinementCtx): void {
  if (day.date === undefined || day.allowOutsideExpo || parseIsoDate(day.date) === null) return;
  if (day.date < EXPO_FIRST_DAY || day.date > EXPO_LAST_DAY) {
    ctx.addIssue({ code: "custom", path: ["date"], message: "must be during the expo (10 June – 10 September 2017)" });
  }
}

const nationalDayObject = z.object(nationalDayFields);

export const nationalDayFieldsSchema = nationalDayObject.superRefine(checkExpoDay);

// The slug is the national day's address, and feeds and saved links use it: it is set once.
export const nationalDayPatchSchema = nationalDayObject
  .omit({ slug: true })
  .partial()
  .extend({
    /** The national day's updatedAt when the editor loaded it. */
    updatedAt: z.string({ error: "is required" }).refine((value) => !Number.isNaN(Date.parse(value)), "must be the national day's updatedAt"),
    allowOutsideExpo: checkbox,
  })
  .superRefine(checkExpoDay);

/**
 * The form's timeline box, one entry a line: "1992-02-24 | 24 February 1992 | What happened".
 * A line that does not split into three parts keeps its empty parts, so the schema names them.
 */
export function parseTimelineText(text: string): { date: string; dateLabel: string; text: string }[] {
  return text
    .split(/\r\n?|\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [date = "", dateLabel = "", ...rest] = line.split("|");
      return { date: date.trim(), dateLabel: dateLabel.trim(), text: rest.join("|").trim() };
    });
}

export function timelineText(entries: readonly { date: string; dateLabel: string; text: string }[]): string {
  return entries.map((entry) => `${entry.date} | ${entry.dateLabel} | ${entry.text}`).join("\n");
}
