import { withDatabase } from "@/lib/http/database-unavailable";
import { itineraryAnswer } from "@/lib/itinerary/itinerary-answer";

export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const answer = await itineraryAnswer({ cookies: request.headers.get("cookie"), authorization: request.headers.get("authorization") });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
});
