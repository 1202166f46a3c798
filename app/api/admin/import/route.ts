import { requireApiAdmin } from "@/lib/admin/require-admin";
import { runImport } from "@/lib/admin/run-import";

/**
 * POST /api/admin/import (body: the file, Content-Type text/csv or application/json).
 * ?dryRun=true reports the counts without writing; ?allowOutsideExpo=true accepts dates outside the expo.
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  return runImport(request, auth.user.id);
}
