import { announceProgrammeChange } from "../programme/announce-change";
import type { DeleteOutcome, EditOutcome } from "./event-editor";
import { adminEventJson } from "./event-row";

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
