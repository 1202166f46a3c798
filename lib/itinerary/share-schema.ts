// The inputs of itinerary sharing and reminders, shared by the /itinerary panels and the server.
import { z } from "zod";
import { parseIsoDate } from "../time/astana";
import { EXPO_FIRST_DAY, EXPO_LAST_DAY, isExpoDay } from "../time/expo-dates";
import { REMINDER_OPTIONS, type ReminderValue } from "./form-choices";

const expoDay = z.string({ error: "must be a list of dates (YYYY-MM-DD)" }).superRefine((value, ctx) => {
  if (!parseIsoDate(value)) ctx.addIssue({ code: "custom", message: `"${value.slice(0, 40)}" is not a date (use YYYY-MM-DD)` });
  else if (!isExpoDay(value)) ctx.addIssue({ code: "custom", message: `${value} is outside the expo (${EXPO_FIRST_DAY} to ${EXPO_LAST_DAY})` });
});

const strictBody = (issue: { code: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" ? `has unknown field(s): ${(issue.keys ?? []).join(", ")}` : "must be a JSON object";

/** Body of POST /api/share-links: the Astana days to show and whether the owner's name appears. */
export const createShareBodySchema = z.strictObject(
  {
    days: z
      .array(expoDay, { error: "must be a list of dates (YYYY-MM-DD)" })
      .min(1, "must name at least one day")
      .max(93, "must name at most 93 days")
      // Order and repeats carry no meaning: stored sorted and once each.
      .transform((days) => [...new Set(days)].sort()),
    showName: z.boolean({ error: "must be true or false" }).optional().default(false),
  },
  { error: strictBody },
);

export type CreateShareBody = z.infer<typeof createShareBodySchema>;

// The reminder choices, as the API and the form spell them (kept zod-free for the form).
export { REMINDER_OPTIONS, type ReminderValue };

const REMINDER_VALUES = REMINDER_OPTIONS.map((option) => option.value) as [ReminderValue, ...ReminderValue[]];

/** Body of PUT /api/reminders. */
export const reminderBodySchema = z.strictObject(
  { reminder: z.enum(REMINDER_VALUES, { error: `must be one of ${REMINDER_VALUES.map((v) => `"${v}"`).join(", ")}` }) },
  { error: strictBody },
);
