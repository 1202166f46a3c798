// Links written into feeds and shown to visitors. The base is NEXTAUTH_URL when set (the site's
// public address), else the request's own origin. UIDs never depend on it.
import { getEnv } from "../env";

export function feedBaseUrl(request: Request): string {
  const configured = getEnv().NEXTAUTH_URL;
  return new URL(configured ?? request.url).origin;
}

export const ITINERARY_DOWNLOAD_FILENAME = "expo-2017-itinerary.ics";

export function privateFeedUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/calendar/u/${token}.ics`;
}

/** webcal:// makes Apple Calendar and Outlook offer to subscribe instead of importing once. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//, "webcal://");
}
