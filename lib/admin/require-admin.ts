import "server-only";
import { rejectCrossOrigin } from "../auth/same-origin";
import { requireApiUser, type SessionUser } from "../auth/session";

// Every admin route handler asks here (pages use requireAdmin from lib/auth/session.ts), not only proxy.ts: 401 for a visitor who
// is not signed in, 403 for a signed-in visitor without the admin role.

const NO_STORE = { "Cache-Control": "private, no-store" };

export type AdminCheck = { ok: true; user: SessionUser } | { ok: false; response: Response };

function forbidden(): Response {
  return Response.json({ error: "Only organisers (admins) may do this." }, { status: 403, headers: NO_STORE });
}

/** For /api/admin/* route handlers. State-changing methods also refuse other sites' Origin. */
export async function requireApiAdmin(request: Request): Promise<AdminCheck> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    const refused = rejectCrossOrigin(request);
    if (refused) return { ok: false, response: refused };
  }
  const auth = await requireApiUser(request, "use the organiser tools");
  if (!auth.ok) return auth;
  if (auth.user.role !== "ADMIN") return { ok: false, response: forbidden() };
  return { ok: true, user: auth.user };
}
