import { announcingChanges } from "@/lib/admin/admin-responses";
import { requireApiAdmin } from "@/lib/admin/require-admin";
import { venueResponse } from "@/lib/admin/venue-response";
import { createVenue } from "@/lib/admin/venue-editor";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withDatabase } from "@/lib/http/database-unavailable";

export const POST = withDatabase(announcingChanges(async function POST(request: Request): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return venueResponse(await createVenue(body.value ?? {}, auth.user.id));
}));
