// What the /itinerary forms show (the note's length limit, the reminder choices), apart from the
// zod schemas that check them on the server (itinerary-schemas.ts, share-schema.ts): the forms run
// in the browser, and importing a schema module would add zod's tens of KiB to the page (issue 13).
export const MAX_NOTE_LENGTH = 1000;

/** The reminder choices, as the API and the form spell them. */
export const REMINDER_OPTIONS = [
  { value: "none", label: "No reminder" },
  { value: "15", label: "15 minutes before" },
  { value: "30", label: "30 minutes before" },
  { value: "60", label: "1 hour before" },
  { value: "walk+10", label: "Walking time from the previous event + 10 minutes" },
] as const;

export type ReminderValue = (typeof REMINDER_OPTIONS)[number]["value"];
