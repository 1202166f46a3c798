import { publicBaseUrl } from "@/lib/http/public-base-url";
import { jsonOk, notFound } from "@/lib/http/problems";
import { toVenueScheduleJson } from "@/lib/schedule/venues";
import { cachedVenueSchedule as getVenueSchedule } from "@/lib/schedule/cached-reads";
import { withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const schedule = await getVenueSchedule(slug);
  return schedule ? jsonOk(toVenueScheduleJson(schedule, publicBaseUrl(request))) : notFound("venue", slug);
});
