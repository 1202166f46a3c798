import { publicBaseUrl } from "@/lib/http/public-base-url";
import { jsonOk, notFound } from "@/lib/http/problems";
import { getNationalDay, toNationalDayJson } from "@/lib/schedule/national-days";
import { withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const day = await getNationalDay(slug);
  return day ? jsonOk(toNationalDayJson(day, publicBaseUrl(request))) : notFound("national day", slug);
});
