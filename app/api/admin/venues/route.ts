import { announcingChanges, requireApiAdmin } from "@/lib/admin/access";
import { createVenue, venueResponse } from "@/lib/admin/venue-editor";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withDatabase } from "@/lib/http/database-unavailable";

export const POST = withDatabase(announcingChanges(async function POST(request: Request): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return venueResponse(await createVenue(body.value ?? {}, auth.user.id));
}));
