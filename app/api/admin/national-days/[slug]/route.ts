import { announcingChanges, outcomeResponse, requireApiAdmin } from "@/lib/admin/access";
import { deleteNationalDay, updateNationalDay } from "@/lib/admin/national-day-editor";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withDatabase } from "@/lib/http/database-unavailable";

type RouteContext = { params: Promise<{ slug: string }> };

/** Changes a national day's name, country, date, summary or whole timeline (with `updatedAt`). */
export const PATCH = withDatabase(announcingChanges(async function PATCH(request: Request, context: RouteContext): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return outcomeResponse(await updateNationalDay((await context.params).slug, body.value ?? {}, auth.user.id));
}));

/** `?updatedAt=<the version loaded>`: deletes it with its timeline; 409 while events belong to it. */
export const DELETE = withDatabase(announcingChanges(async function DELETE(request: Request, context: RouteContext): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const updatedAt = new URL(request.url).searchParams.get("updatedAt");
  return outcomeResponse(await deleteNationalDay((await context.params).slug, updatedAt, auth.user.id));
}));
