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
