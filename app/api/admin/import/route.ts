import { announcingChanges, requireApiAdmin } from "@/lib/admin/access";
import { runImport } from "@/lib/admin/run-import";
import { withDatabase } from "@/lib/http/database-unavailable";

/**
 * POST /api/admin/import (body: the file, Content-Type text/csv or application/json).
 * ?dryRun=true reports the counts without writing; ?allowOutsideExpo=true accepts dates outside the expo.
 */
export const POST = withDatabase(announcingChanges(async function POST(request: Request): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  return runImport(request, auth.user.id);
}));
