import { announcingChanges } from "@/lib/admin/admin-responses";
import { requireApiAdmin } from "@/lib/admin/require-admin";
import { venueResponse } from "@/lib/admin/venue-response";
import { updateVenue } from "@/lib/admin/venue-editor";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withDatabase } from "@/lib/http/database-unavailable";

/** A partial change with the `updatedAt` the editor loaded; 409 when it is no longer current. */
export const PATCH = withDatabase(announcingChanges(async function PATCH(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return venueResponse(await updateVenue((await context.params).slug, body.value ?? {}, auth.user.id));
}));
