import { publicBaseUrl } from "@/lib/http/public-base-url";
import { jsonOk, notFound } from "@/lib/http/problems";
import { toEventDetailJson } from "@/lib/schedule/event-detail";
import { cachedEventDetail as getEventDetail } from "@/lib/schedule/cached-reads";
import { withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const detail = await getEventDetail(slug);
  return detail ? jsonOk(toEventDetailJson(detail, publicBaseUrl(request))) : notFound("event", slug);
});
