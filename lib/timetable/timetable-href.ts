// Links inside /timetable keep the selection, as /schedule's do (lib/schedule/schedule-href.ts).
export const TIMETABLE_PARAMS = ["date", "category", "venue", "programme", "admission", "q", "at"] as const;

export type TimetableLinkValues = Partial<Record<(typeof TIMETABLE_PARAMS)[number], string | undefined>>;

export function timetableHref(values: TimetableLinkValues): string {
  const query = new URLSearchParams();
  for (const key of TIMETABLE_PARAMS) {
    const value = values[key];
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `/timetable?${text}` : "/timetable";
}
