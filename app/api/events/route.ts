import { publicBaseUrl } from "@/lib/http/public-base-url";
import { badRequest, jsonOk } from "@/lib/http/problems";
import { cachedListEvents as listEvents } from "@/lib/schedule/cached-reads";
import { withDatabase } from "@/lib/http/database-unavailable";
import { cachedJsonResponse } from "@/lib/cache/cached-response";
import { normalisedQuery } from "@/lib/cache/programme-reads";

export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const baseUrl = publicBaseUrl(request);
  return cachedJsonResponse(request, `api-events ${baseUrl} ${normalisedQuery(params)}`, async () => {
    const result = await listEvents(params, baseUrl);
    return result.ok ? jsonOk(result.value) : badRequest(result.details);
  });
});
