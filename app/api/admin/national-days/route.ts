import { announcingChanges, outcomeResponse, requireApiAdmin } from "@/lib/admin/access";
import { createNationalDay } from "@/lib/admin/national-day-editor";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withDatabase } from "@/lib/http/database-unavailable";

/** A new national day (slug, name, country, date, summary, timeline): 201 with its `updatedAt`. */
export const POST = withDatabase(announcingChanges(async function POST(request: Request): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return outcomeResponse(await createNationalDay(body.value ?? {}, auth.user.id));
}));
