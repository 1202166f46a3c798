import { publicBaseUrl } from "@/lib/http/public-base-url";
import { jsonOk } from "@/lib/http/problems";
import { toVenueJson } from "@/lib/schedule/venues";
import { cachedListVenues as listVenues } from "@/lib/schedule/cached-reads";
import { withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const baseUrl = publicBaseUrl(request);
  const venues = await listVenues();
  return jsonOk({ venues: venues.map((venue) => toVenueJson(venue, baseUrl)) });
});
