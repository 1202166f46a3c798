import { requireApiUser } from "@/lib/auth/session";
import { feedResponse } from "@/lib/calendar/feed-response";
import { ITINERARY_DOWNLOAD_FILENAME } from "@/lib/http/paths";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { getItineraryFeed } from "@/lib/calendar/private-feed";
import { withDatabase } from "@/lib/http/database-unavailable";

/** The signed-in visitor's itinerary as a download; 401 without a session. */
export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const auth = await requireApiUser(request, "download your itinerary");
  if (!auth.ok) return auth.response;
  const feed = await getItineraryFeed(auth.user.id, publicBaseUrl(request));
  return feedResponse(request, feed, { visibility: "private", downloadFilename: ITINERARY_DOWNLOAD_FILENAME });
});

export const HEAD = GET;
