import { sitePublicOrigin } from "@/lib/http/public-base-url";
import { findEventPathByShortId } from "@/lib/schedule/event-detail";
import { withDatabase } from "@/lib/http/database-unavailable";

// The redirect names the configured public origin (NEXTAUTH_URL, else http://localhost:$PORT),
// never the request's Host or X-Forwarded-Proto, which any client can set.
export const GET = withDatabase(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const path = await findEventPathByShortId((await params).id);
  if (!path) return Response.json({ error: "No such event" }, { status: 404 });
  return Response.redirect(new URL(path, sitePublicOrigin()), 308);
});
