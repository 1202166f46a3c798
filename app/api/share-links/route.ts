import { rejectCrossOrigin } from "@/lib/auth/same-origin";
import { requireApiUser } from "@/lib/auth/session";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createItineraryShare, listItineraryShares } from "@/lib/itinerary/share-itinerary";
import { withDatabase } from "@/lib/http/database-unavailable";

// A created link is secret: never cached, never sent on as a referrer.
const HEADERS = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };
const ACTION = "share your itinerary";

/** The visitor's working shared links (without their URLs, which only the creation answer carries). */
export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const auth = await requireApiUser(request, ACTION);
  if (!auth.ok) return auth.response;
  return Response.json({ shares: await listItineraryShares(auth.user.id) }, { headers: HEADERS });
});

/** Creates a read-only link: `{"days": ["2017-08-14"], "showName": false}` → 201 with `url`. */
export const POST = withDatabase(async function POST(request: Request): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireApiUser(request, ACTION);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const outcome = await createItineraryShare(auth.user.id, body.value, publicBaseUrl(request));
  return Response.json(outcome.body, { status: outcome.status, headers: HEADERS });
});
