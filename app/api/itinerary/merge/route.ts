import { requireApiUser } from "@/lib/auth/session";
import { rejectCrossOrigin } from "@/lib/auth/same-origin";
import { mergeDeviceSaves } from "@/lib/itinerary/saved-events";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withDatabase } from "@/lib/http/database-unavailable";

export const POST = withDatabase(async function POST(request: Request): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireApiUser(request, "merge saved events into your itinerary");
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const outcome = await mergeDeviceSaves(auth.user.id, body.value);
  return Response.json(outcome.body, { status: outcome.status, headers: { "Cache-Control": "private, no-store" } });
});
