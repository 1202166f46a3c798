import { announcingChanges, outcomeResponse, requireApiAdmin } from "@/lib/admin/access";
import { deleteVenue, updateVenue, venueResponse } from "@/lib/admin/venue-editor";
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

/** `?updatedAt=<the version loaded>`: deletes a venue no event uses; 409 naming how many do. */
export const DELETE = withDatabase(announcingChanges(async function DELETE(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const updatedAt = new URL(request.url).searchParams.get("updatedAt");
  return outcomeResponse(await deleteVenue((await context.params).slug, updatedAt, auth.user.id));
}));
