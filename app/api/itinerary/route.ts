import { requireApiUser } from "@/lib/auth/session";
import { getItinerary } from "@/lib/itinerary/get-itinerary";
import { withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const auth = await requireApiUser(request);
  if (!auth.ok) return auth.response;
  const itinerary = await getItinerary(auth.user.id);
  return Response.json(
    { items: itinerary.entries, count: itinerary.entries.length, conflictCount: itinerary.conflictCount },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
