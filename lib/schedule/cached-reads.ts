// The public schedule reads as pages and routes use them: each built once per programme version
// and served from memory afterwards (lib/cache/programme-reads.ts, docs/decisions/017). Same
// signatures as the functions they wrap, so a caller switches by changing its import. Only public
// data: nothing here depends on the visitor.
import "server-only";
import { cachedRead, normalisedQuery } from "../cache/programme-reads";
import { defaultExpoDay } from "../time/expo-dates";
import { getEventDetail } from "./event-detail";
import { getFilterOptions } from "./filter-options";
import { getNationalDay, listNationalDays } from "./national-days";
import { getScheduleView } from "./schedule-view";
import { getVenueSchedule, listVenues } from "./venues";
import { getExpoOverview } from "./expo-overview";

export const cachedEventDetail: typeof getEventDetail = (slug) => cachedRead(`event ${slug}`, () => getEventDetail(slug));

export const cachedListVenues: typeof listVenues = () => cachedRead("venues", () => listVenues());

export const cachedVenueSchedule: typeof getVenueSchedule = (slug) => cachedRead(`venue ${slug}`, () => getVenueSchedule(slug));

export const cachedListNationalDays: typeof listNationalDays = () => cachedRead("national-days", () => listNationalDays());

export const cachedNationalDay: typeof getNationalDay = (slug) => cachedRead(`national-day ${slug}`, () => getNationalDay(slug));

export const cachedFilterOptions: typeof getFilterOptions = () => cachedRead("filter-options", () => getFilterOptions());

export const cachedExpoOverview: typeof getExpoOverview = () => cachedRead("overview", () => getExpoOverview());

/**
 * The schedule page's data. Without a date the page shows "today" (in Astana), so the key carries
 * that day too; "now and next" (?at=) names its own moment in the query.
 */
export const cachedScheduleView: typeof getScheduleView = (params, now = new Date()) =>
  cachedRead(`schedule ${defaultExpoDay(now)} ${normalisedQuery(params)}`, () => getScheduleView(params, now));
