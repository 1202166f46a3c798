import { announcingChanges, editResponse, requireApiAdmin } from "@/lib/admin/access";
import { deleteEvent, updateEvent } from "@/lib/admin/event-editor";
import { getAdminEvent } from "@/lib/admin/search-admin-events";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withDatabase } from "@/lib/http/database-unavailable";

type RouteContext = { params: Promise<{ slug: string }> };

export const GET = withDatabase(async function GET(request: Request, context: RouteContext): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const result = await getAdminEvent((await context.params).slug);
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "private, no-store" } });
});

/** A partial change: the fields to change and the `version` the editor started from. */
export const PATCH = withDatabase(announcingChanges(async function PATCH(request: Request, context: RouteContext): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return editResponse(await updateEvent((await context.params).slug, body.value ?? {}, auth.user.id));
}));

/** `?version=N`: deletes, or cancels instead when visitors saved the event. */
export const DELETE = withDatabase(announcingChanges(async function DELETE(request: Request, context: RouteContext): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const version = new URL(request.url).searchParams.get("version");
  return editResponse(await deleteEvent((await context.params).slug, version, auth.user.id));
}));
