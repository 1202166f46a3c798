import { publicBaseUrl } from "@/lib/http/public-base-url";
import { jsonOk, notFound } from "@/lib/http/problems";
import { getEventDetail, toEventDetailJson } from "@/lib/schedule/event-detail";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const detail = await getEventDetail(slug);
  return detail ? jsonOk(toEventDetailJson(detail, publicBaseUrl(request))) : notFound("event", slug);
}
