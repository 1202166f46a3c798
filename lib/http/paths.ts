// Every URL path of the app, spelled out once. Pages, components, feeds, JSON answers and tests
// build links with these functions, so a route that moves changes here and nowhere else. Plain
// functions (no server-only imports): the browser uses them too.

// Path slugs (/events/{slug}, /api/venues/{slug}) are checked before any query: anything that is
// not a plausible slug is simply not found, and never reaches the database.
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 100;

export function isSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

export const HOME_PATH = "/";
export const SCHEDULE_PATH = "/schedule";
export const VENUES_PATH = "/venues";
export const NATIONAL_DAYS_PATH = "/national-days";
export const ITINERARY_PATH = "/itinerary";
export const TIMETABLE_PATH = "/timetable";
export const MAP_PATH = "/map";
export const SIGN_IN_PATH = "/signin";
export const SIGN_UP_PATH = "/signup";
/** The public feed of any schedule selection (same query parameters as /schedule). */
export const PUBLIC_FEED_PATH = "/calendar/expo-2017.ics";
/** The signed-in visitor's itinerary as a download. */
export const ITINERARY_CALENDAR_PATH = "/api/itinerary/calendar.ics";
export const ITINERARY_DOWNLOAD_FILENAME = "expo-2017-itinerary.ics";

/** A national day is data; Pakistan Day also has its own short address. */
export const PAKISTAN_DAY_SLUG = "pakistan-day";
export const PAKISTAN_DAY_PATH = "/pakistan-day";

export function eventPath(slug: string): string {
  return `/events/${encodeURIComponent(slug)}`;
}

/** The short link /e/{id} that large calendar feeds carry (it redirects to eventPath). */
export function eventShortPath(id: number): string {
  return `/e/${id}`;
}

export function venuePath(slug: string): string {
  return `${VENUES_PATH}/${encodeURIComponent(slug)}`;
}

export function nationalDayPath(slug: string): string {
  return slug === PAKISTAN_DAY_SLUG ? PAKISTAN_DAY_PATH : `${NATIONAL_DAYS_PATH}/${encodeURIComponent(slug)}`;
}

/** One event as an .ics download ("Add to calendar"). */
export function eventCalendarPath(slug: string): string {
  return `/calendar/events/${encodeURIComponent(slug)}.ics`;
}

/** A private subscription feed: the secret token is the address. */
export function privateFeedPath(token: string): string {
  return `/calendar/u/${token}.ics`;
}

/** Sign-in (or sign-up) that comes back to `returnTo`; no callback for the sign-in pages themselves. */
export function signInPath(returnTo?: string | null, page: typeof SIGN_IN_PATH | typeof SIGN_UP_PATH = SIGN_IN_PATH): string {
  if (!returnTo || returnTo.startsWith(SIGN_IN_PATH) || returnTo.startsWith(SIGN_UP_PATH)) return page;
  return `${page}?callbackUrl=${encodeURIComponent(returnTo)}`;
}

// Links inside /schedule keep the current selection: empty values are left out so URLs stay short
// and shareable (?date=2017-08-14&category=culture).
export const SCHEDULE_PARAMS = ["date", "from", "to", "category", "venue", "programme", "admission", "q", "at", "cursor"] as const;
export type ScheduleLinkValues = Partial<Record<(typeof SCHEDULE_PARAMS)[number], string | undefined>>;

function withQuery(path: string, values: Record<string, string | undefined>, keys: readonly string[]): string {
  const query = new URLSearchParams();
  for (const key of keys) {
    const value = values[key];
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function scheduleHref(values: ScheduleLinkValues): string {
  return withQuery(SCHEDULE_PATH, values, SCHEDULE_PARAMS);
}

/** The public feed of a selection, parameters in the order given. */
export function publicFeedPath(query: Record<string, string | undefined>): string {
  return withQuery(PUBLIC_FEED_PATH, query, Object.keys(query));
}

/** `path` on `baseUrl` ("https://expo.example"), tolerating a trailing slash on the base. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/** webcal:// makes Apple Calendar and Outlook offer to subscribe instead of importing once. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//, "webcal://");
}

// Links inside /timetable keep the selection, as /schedule's do.
export const TIMETABLE_PARAMS = ["date", "category", "venue", "programme", "admission", "q", "at"] as const;
export type TimetableLinkValues = Partial<Record<(typeof TIMETABLE_PARAMS)[number], string | undefined>>;

export function timetableHref(values: TimetableLinkValues): string {
  const query = new URLSearchParams();
  for (const key of TIMETABLE_PARAMS) {
    const value = values[key];
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `${TIMETABLE_PATH}?${text}` : TIMETABLE_PATH;
}

/** The site plan, with one venue highlighted or one day's saved events drawn as a route. */
export function mapHref(target: { venue: string } | { routeDate: string }): string {
  const query: Record<string, string> = "venue" in target ? { venue: target.venue } : { date: target.routeDate, route: "itinerary" };
  return `${MAP_PATH}?${new URLSearchParams(query).toString()}`;
}
