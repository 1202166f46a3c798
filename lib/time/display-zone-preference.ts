// The visitor's display-zone choice, kept in a cookie so the server renders every time in the
// chosen zone (as epic-stack does with its client hints) and the browser formats nothing. The
// cookie holds "Asia/Almaty" (the default), "UTC", or "device:<zone>" — the zone the device
// reported when "My time zone" was chosen, so the server knows it.
import { ASTANA_TIME_ZONE } from "./astana";
import { isValidTimeZone, UTC_TIME_ZONE } from "./format";

export const DISPLAY_ZONE_COOKIE = "expo2017-zone";
/** The switch's value for "My time zone". */
export const DEVICE_ZONE_CHOICE = "device";
const DEVICE_PREFIX = `${DEVICE_ZONE_CHOICE}:`;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export interface ZoneChoice {
  /** What the switch shows: "Asia/Almaty", "UTC" or "device". */
  choice: string;
  /** The IANA zone times are shown in. */
  zone: string;
}

/** The cookie's value read leniently: anything unknown or damaged is Astana time. */
export function parseZoneCookie(value: string | undefined): ZoneChoice {
  if (value?.startsWith(DEVICE_PREFIX)) {
    const zone = value.slice(DEVICE_PREFIX.length);
    if (isValidTimeZone(zone)) return { choice: DEVICE_ZONE_CHOICE, zone };
  } else if (value === UTC_TIME_ZONE) {
    return { choice: UTC_TIME_ZONE, zone: UTC_TIME_ZONE };
  }
  return { choice: ASTANA_TIME_ZONE, zone: ASTANA_TIME_ZONE };
}

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Browser only: stores the choice; the caller then asks the server to render again. */
export function writeZoneChoice(choice: string): void {
  const value = choice === DEVICE_ZONE_CHOICE ? `${DEVICE_PREFIX}${deviceTimeZone()}` : choice;
  // Not secret and read by the server on every page: SameSite=Lax, a year, the whole site.
  document.cookie = `${DISPLAY_ZONE_COOKIE}=${encodeURIComponent(value)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}
