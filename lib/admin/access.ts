import "server-only";
import { rejectCrossOrigin } from "../auth/same-origin";
import { requireApiUser, type SessionUser } from "../auth/session";
import { prisma } from "../db";
import { announceProgrammeChange } from "../programme/announce-change";
import type { DeleteOutcome, EditOutcome } from "./event-editor";
import { adminEventJson } from "./event-row";

// Who may use the organiser tools, and how admin answers are shaped: the role check every
// /api/admin route runs, the uncached JSON answers, and the choices an event form offers.

// Every admin route handler asks here (pages use requireAdmin from lib/auth/session.ts), not only proxy.ts: 401 for a visitor who
// is not signed in, 403 for a signed-in visitor without the admin role.

export type AdminCheck = { ok: true; user: SessionUser } | { ok: false; response: Response };

function forbidden(): Response {
  return Response.json({ error: "Only organisers (admins) may do this." }, { status: 403, headers: ADMIN_NO_STORE });
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

// Admin answers are never cached: they carry versions an editor must not see stale.
export const ADMIN_NO_STORE = { "Cache-Control": "private, no-store" };

export function editResponse(outcome: EditOutcome | DeleteOutcome): Response {
  if (!outcome.ok) {
    const { status, error, details, fields, currentVersion } = outcome;
    const body = { error, ...(details && { details }), ...(fields && { fields }), ...(currentVersion !== undefined && { currentVersion }) };
    return Response.json(body, { status, headers: ADMIN_NO_STORE });
  }
  if ("event" in outcome) {
    return Response.json({ event: adminEventJson(outcome.event), changed: outcome.changed }, { status: outcome.status, headers: ADMIN_NO_STORE });
  }
  return Response.json({ deleted: outcome.deleted, cancelledInstead: outcome.cancelledInstead }, { headers: ADMIN_NO_STORE });
}

/**
 * A write route whose success makes this instance re-read the programme version before it answers
 * (the database triggers tell the other instances), so the organiser's next page already shows it.
 */
export function announcingChanges<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    const response = await handler(...args);
    if (response.ok) await announceProgrammeChange();
    return response;
  };
}

/** Any other admin outcome: its fields but `ok` and `status` as the body, with its status. */
export function outcomeResponse(outcome: { ok: boolean; status: number } & Record<string, unknown>): Response {
  const body = Object.fromEntries(Object.entries(outcome).filter(([key]) => key !== "ok" && key !== "status"));
  return Response.json(body, { status: outcome.status, headers: ADMIN_NO_STORE });
}

/** The venues, categories and programmes an event form offers (small tables, one query each). */
export async function listAdminChoices() {
  const [venues, categories, programmes] = await Promise.all([
    prisma.venue.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.category.findMany({ select: { slug: true, name: true, parentId: true }, orderBy: { name: "asc" } }),
    prisma.programme.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    venues,
    categories: categories.filter((category) => category.parentId === null).map(({ slug, name }) => ({ slug, name })),
    subcategories: categories.filter((category) => category.parentId !== null).map(({ slug, name }) => ({ slug, name })),
    programmes,
  };
}

export type AdminChoices = Awaited<ReturnType<typeof listAdminChoices>>;
