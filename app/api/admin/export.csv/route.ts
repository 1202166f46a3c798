import { requireApiAdmin } from "@/lib/admin/access";
import { exportProgrammeRows, programmeCsv } from "@/lib/admin/export-programme";
import { withDatabase } from "@/lib/http/database-unavailable";

/** The whole programme as CSV, in the import's format (README "Organiser tools"). */
export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const auth = await requireApiAdmin(request);
  if (!auth.ok) return auth.response;
  return new Response(programmeCsv(await exportProgrammeRows()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="expo-2017-programme.csv"',
      "Cache-Control": "private, no-store",
    },
  });
});
