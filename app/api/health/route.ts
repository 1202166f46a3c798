import { checkHealth } from "@/lib/health/check-health";
import { RETRY_AFTER_SECONDS, withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase(async function GET(): Promise<Response> {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: report.status === "ok" ? { "Cache-Control": "no-store" } : { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
});
