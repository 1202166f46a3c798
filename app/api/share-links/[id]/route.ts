import { rejectCrossOrigin } from "@/lib/auth/same-origin";
import { requireApiUser } from "@/lib/auth/session";
import { revokeItineraryShare } from "@/lib/itinerary/share-itinerary";
import { withDatabase } from "@/lib/http/database-unavailable";

/** Revokes one of the visitor's shared links; its URL answers 404 from now on. */
export const DELETE = withDatabase(async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireApiUser(request, "share your itinerary");
  if (!auth.ok) return auth.response;
  const outcome = await revokeItineraryShare(auth.user.id, (await params).id);
  return Response.json(outcome.body, { status: outcome.status, headers: { "Cache-Control": "private, no-store" } });
});
