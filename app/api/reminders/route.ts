import { rejectCrossOrigin } from "@/lib/auth/same-origin";
import { requireApiUser } from "@/lib/auth/session";
import { readJsonBody } from "@/lib/http/read-json-body";
import { readReminder, setReminder } from "@/lib/itinerary/reminders";
import { withDatabase } from "@/lib/http/database-unavailable";

const NO_STORE = { "Cache-Control": "private, no-store" };
const ACTION = "choose a reminder";

/** The visitor's reminder: `{"reminder": "none" | "15" | "30" | "60" | "walk+10"}`. */
export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const auth = await requireApiUser(request, ACTION);
  if (!auth.ok) return auth.response;
  return Response.json({ reminder: await readReminder(auth.user.id) }, { headers: NO_STORE });
});

/** Sets the reminder the private feed and the itinerary download carry on each event. */
export const PUT = withDatabase(async function PUT(request: Request): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireApiUser(request, ACTION);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const outcome = await setReminder(auth.user.id, body.value);
  return Response.json(outcome.body, { status: outcome.status, headers: NO_STORE });
});
