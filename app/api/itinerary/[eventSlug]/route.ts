import { requireApiUser } from "@/lib/auth/session";
import { rejectCrossOrigin } from "@/lib/auth/same-origin";
import { readJsonBody } from "@/lib/http/read-json-body";
import { removeEventFromItinerary, saveEventToItinerary } from "@/lib/itinerary/saved-events";
import { withDatabase } from "@/lib/http/database-unavailable";

type RouteContext = { params: Promise<{ eventSlug: string }> };

const NO_STORE = { "Cache-Control": "private, no-store" };

export const PUT = withDatabase(async function PUT(request: Request, context: RouteContext): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireApiUser(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const { eventSlug } = await context.params;
  const outcome = await saveEventToItinerary(auth.user.id, eventSlug, body.value);
  return Response.json(outcome.body, { status: outcome.status, headers: NO_STORE });
});

export const DELETE = withDatabase(async function DELETE(request: Request, context: RouteContext): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireApiUser(request);
  if (!auth.ok) return auth.response;
  const { eventSlug } = await context.params;
  const outcome = await removeEventFromItinerary(auth.user.id, eventSlug);
  return Response.json(outcome.body, { status: outcome.status, headers: NO_STORE });
});
