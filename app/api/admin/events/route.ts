import { ADMIN_NO_STORE, announcingChanges, editResponse, requireApiAdmin } from "@/lib/admin/access";
import { createEvent } from "@/lib/admin/event-editor";
import { searchAdminEvents } from "@/lib/admin/search-admin-events";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const result = await searchAdminEvents(new URL(request.url).searchParams);
  return Response.json(result.body, { status: result.status, headers: ADMIN_NO_STORE });
});

export const POST = withDatabase(announcingChanges(async function POST(request: Request): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return editResponse(await createEvent(body.value ?? {}, auth.user.id));
}));
