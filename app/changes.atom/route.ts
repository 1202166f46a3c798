import { listChanges, renderChangesAtom } from "@/lib/admin/public-changes";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { withDatabase } from "@/lib/http/database-unavailable";

/** /changes.atom: the 100 latest changes, newest first. */
export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const page = await listChanges({ limit: 100 }, "desc");
  const changes = page.ok ? page.value.changes : [];
  return new Response(renderChangesAtom(changes, publicBaseUrl(request)), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-cache" },
  });
});
