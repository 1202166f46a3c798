import { listChanges, parseChangesQuery } from "@/lib/admin/public-changes";
import { badRequest } from "@/lib/http/problems";
import { withDatabase } from "@/lib/http/database-unavailable";

/** GET /api/changes?since=<ISO instant>: the public change log, oldest first, paged by cursor. */
export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const query = parseChangesQuery(new URL(request.url).searchParams);
  if (!query.ok) return badRequest(query.details);
  const page = await listChanges(query.value, "asc");
  if (!page.ok) return badRequest(page.details);
  // A change must reach every reader at once: a short private cache at most.
  return Response.json(page.value, { headers: { "Cache-Control": "no-cache" } });
});
