import { rejectCrossOrigin } from "@/lib/auth/same-origin";
import { requireApiUser } from "@/lib/auth/session";
import { dismissSavedEventChange } from "@/lib/itinerary/changes-since-saved";
import { withDatabase } from "@/lib/http/database-unavailable";

type RouteContext = { params: Promise<{ eventSlug: string }> };

/**
 * Dismisses the "changed since you saved it" notice of one saved event. The notice's form posts
 * here without JavaScript, so a form post is answered with a redirect back to /itinerary.
 */
export const POST = withDatabase(async function POST(request: Request, context: RouteContext): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireApiUser(request);
  if (!auth.ok) return auth.response;
  const found = await dismissSavedEventChange(auth.user.id, (await context.params).eventSlug);
  const isForm = (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
  if (isForm) return new Response(null, { status: 303, headers: { Location: "/itinerary" } });
  return Response.json(found ? { dismissed: true } : { error: "This event is not in your itinerary." }, { status: found ? 200 : 404, headers: { "Cache-Control": "private, no-store" } });
});
