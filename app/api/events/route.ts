import { publicBaseUrl } from "@/lib/http/public-base-url";
import { badRequest, jsonOk } from "@/lib/http/problems";
import { cachedListEvents as listEvents } from "@/lib/schedule/cached-reads";
import { withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const result = await listEvents(new URL(request.url).searchParams, publicBaseUrl(request));
  return result.ok ? jsonOk(result.value) : badRequest(result.details);
});
