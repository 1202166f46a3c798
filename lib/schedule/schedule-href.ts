// Links inside /schedule keep the current selection: empty values are left out so URLs stay short
// and shareable (?date=2017-08-14&category=culture).
export const SCHEDULE_PARAMS = ["date", "from", "to", "category", "venue", "programme", "admission", "q", "at", "cursor"] as const;

export type ScheduleLinkValues = Partial<Record<(typeof SCHEDULE_PARAMS)[number], string | undefined>>;

export function scheduleHref(values: ScheduleLinkValues): string {
  const query = new URLSearchParams();
  for (const key of SCHEDULE_PARAMS) {
    const value = values[key];
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `/schedule?${text}` : "/schedule";
}
