import "server-only";
import { cookies } from "next/headers";
import { DISPLAY_ZONE_COOKIE, parseZoneCookie, type ZoneChoice } from "./display-zone-preference";

/**
 * The display zone of this request, from the visitor's cookie (Astana time without one). Server
 * components call it wherever a time is rendered; Next reads the cookies once per request.
 */
export async function readDisplayZone(): Promise<ZoneChoice> {
  const value = (await cookies()).get(DISPLAY_ZONE_COOKIE)?.value;
  return parseZoneCookie(value === undefined ? undefined : decodeURIComponent(value));
}
