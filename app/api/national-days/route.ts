import { publicBaseUrl } from "@/lib/http/public-base-url";
import { jsonOk } from "@/lib/schedule/api-responses";
import { listNationalDays, nationalDayPath } from "@/lib/schedule/national-days";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const baseUrl = publicBaseUrl(request);
  const days = await listNationalDays();
  return jsonOk({ nationalDays: days.map((day) => ({ ...day, url: `${baseUrl}${nationalDayPath(day.slug)}` })) });
}
