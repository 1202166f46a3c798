import { publicBaseUrl } from "@/lib/http/public-base-url";
import { jsonOk } from "@/lib/http/problems";
import { cachedListNationalDays as listNationalDays } from "@/lib/schedule/cached-reads";
import { nationalDayPath } from "@/lib/http/paths";
import { withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const baseUrl = publicBaseUrl(request);
  const days = await listNationalDays();
  return jsonOk({ nationalDays: days.map((day) => ({ ...day, url: `${baseUrl}${nationalDayPath(day.slug)}` })) });
});
