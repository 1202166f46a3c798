import { ADMIN_NO_STORE, announcingChanges } from "@/lib/admin/admin-responses";
import { updateNationalDay } from "@/lib/admin/national-day-editor";
import { requireApiAdmin } from "@/lib/admin/require-admin";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withDatabase } from "@/lib/http/database-unavailable";

/** Changes a national day's name, country, date, summary or whole timeline (with `updatedAt`). */
export const PATCH = withDatabase(announcingChanges(async function PATCH(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const outcome = await updateNationalDay((await context.params).slug, body.value ?? {}, auth.user.id);
  const answer = outcome.ok
    ? { updatedAt: outcome.updatedAt, changed: outcome.changed }
    : { error: outcome.error, ...(outcome.details && { details: outcome.details }) };
  return Response.json(answer, { status: outcome.status, headers: ADMIN_NO_STORE });
}));
