// Links written into feeds and shown to visitors, built on the base every absolute URL of the app
// uses (lib/http/public-base-url.ts: NEXTAUTH_URL when set, else the request's own origin). UIDs
// never depend on it.
export const ITINERARY_DOWNLOAD_FILENAME = "expo-2017-itinerary.ics";

export function privateFeedUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/calendar/u/${token}.ics`;
}

/** webcal:// makes Apple Calendar and Outlook offer to subscribe instead of importing once. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//, "webcal://");
}
