import { publicBaseUrl } from "@/lib/http/public-base-url";
import { jsonOk, notFound } from "@/lib/http/problems";
import { toNationalDayJson } from "@/lib/schedule/national-days";
import { cachedNationalDay as getNationalDay } from "@/lib/schedule/cached-reads";
import { withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const day = await getNationalDay(slug);
  return day ? jsonOk(toNationalDayJson(day, publicBaseUrl(request))) : notFound("national day", slug);
});
