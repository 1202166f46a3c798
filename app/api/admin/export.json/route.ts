import { requireApiAdmin } from "@/lib/admin/access";
import { exportProgrammeRows } from "@/lib/admin/export-programme";
import { withDatabase } from "@/lib/http/database-unavailable";

/** The whole programme as JSON ({ "events": [...] }), in the import's format. */
export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  return Response.json(
    { events: await exportProgrammeRows() },
    { headers: { "Content-Disposition": 'attachment; filename="expo-2017-programme.json"', "Cache-Control": "private, no-store" } },
  );
});
