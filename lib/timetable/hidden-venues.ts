// The venues a visitor hid on /timetable, kept in a cookie rather than localStorage so the server
// renders the grid without them at once: nothing appears and then vanishes (no layout shift).
import { isSlug } from "../http/paths";

export const HIDDEN_VENUES_COOKIE = "timetable-hidden";
/** The venues number about fifty; a longer list is not ours and is cut rather than trusted. */
const MAX_HIDDEN = 100;

/** Reads the cookie's value; anything that is not a venue slug is dropped. */
export function parseHiddenVenues(value: string | undefined): Set<string> {
  if (!value) return new Set();
  return new Set(
    value
      .split(".")
      .filter((slug) => isSlug(slug))
      .slice(0, MAX_HIDDEN),
  );
}

/** The cookie's value: slugs joined by "." (a character no slug holds and cookies need not escape). */
export function serializeHiddenVenues(slugs: Iterable<string>): string {
  return [...new Set(slugs)].filter((slug) => isSlug(slug)).sort().join(".");
}

/** The Set-Cookie text written by the browser: a year, the whole site, readable by the page's script. */
export function hiddenVenuesCookie(slugs: Iterable<string>): string {
  return `${HIDDEN_VENUES_COOKIE}=${serializeHiddenVenues(slugs)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
