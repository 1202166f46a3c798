// Whether a search covers the whole programme. The filter form keeps the day on show in its day
// picker, so a search typed on a day view used to be limited to that day ("Mahler" on 14 August
// found nothing). The form therefore also sends what it was showing (shownDate, shownQ): a NEW
// search with the day picker left where it was covers every day; a day the visitor picks, or a
// link that names a day (the per-day counts, previous/next day), still narrows it.
import { foldForSearch } from "./search-text";

export const SHOWN_DATE_PARAM = "shownDate";
export const SHOWN_Q_PARAM = "shownQ";

export interface SearchScopeInput {
  date?: string;
  q?: string;
  shownDate?: string;
  shownQ?: string;
}

/** True when a day-limited request is really a new search that should cover every day. */
export function searchCoversAllDays({ date, q, shownDate, shownQ }: SearchScopeInput): boolean {
  const words = foldForSearch(q ?? "");
  if (!words || !date || date === "all" || shownDate === undefined) return false;
  return date === shownDate && words !== foldForSearch(shownQ ?? "");
}

type Params = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The request as the schedule should read it: date "all" for a new search, the form's markers dropped. */
export function applySearchScope(params: Params): Params {
  const { [SHOWN_DATE_PARAM]: shownDate, [SHOWN_Q_PARAM]: shownQ, ...rest } = params;
  const input = { date: first(rest.date), q: first(rest.q), shownDate: first(shownDate), shownQ: first(shownQ) };
  return searchCoversAllDays(input) ? { ...rest, date: "all" } : rest;
}
