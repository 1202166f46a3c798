// Changes in plain words, the same on /changes, an event's history, the Atom feed and the
// itinerary's "changed since you saved it": "Thu 13 Jul 19:00 → Fri 14 Jul 20:00",
// "Astana Opera → Barys Arena", "Cancelled". Pure: venue names are passed in.
import { toZonedTime } from "../time/astana";
import { shortDayLabel } from "../time/format";

export type FieldChangeMap = Record<string, { old: unknown; new: unknown } | undefined>;

/** "Thu 13 Jul 19:00" (Astana time). */
export function describeMoment(iso: unknown): string {
  if (typeof iso !== "string") return "—";
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return "—";
  const zoned = toZonedTime(instant);
  return `${shortDayLabel(zoned.date)} ${zoned.time}`;
}

function venueName(slug: unknown, venueNames: ReadonlyMap<string, string>): string {
  return typeof slug === "string" ? (venueNames.get(slug) ?? slug) : "—";
}

const LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  performers: "Performers",
  category: "Category",
  subcategory: "Type",
  programme: "Programme",
  admission: "Admission",
  slug: "Address",
};

/** One line per change, most important first: time, place, status, then the rest. */
export function describeFieldChanges(fields: FieldChangeMap, venueNames: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  const { start, end, venue, status } = fields;
  if (start) lines.push(`${describeMoment(start.old)} → ${describeMoment(start.new)}`);
  else if (end) lines.push(`Ends ${describeMoment(end.old)} → ${describeMoment(end.new)}`);
  if (venue) lines.push(`${venueName(venue.old, venueNames)} → ${venueName(venue.new, venueNames)}`);
  if (status) lines.push(status.new === "CANCELLED" ? "Cancelled" : "No longer cancelled");
  if (fields.title) lines.push(`Title “${String(fields.title.old)}” → “${String(fields.title.new)}”`);
  for (const [field, label] of Object.entries(LABELS)) {
    if (field !== "title" && fields[field]) lines.push(`${label} changed`);
  }
  return lines;
}

/** The lines of one log entry: a new or removed event is described by when and where it is (was). */
export function describeChange(action: string, fields: FieldChangeMap, venueNames: ReadonlyMap<string, string>): string[] {
  if (action === "CREATE" || action === "DELETE") {
    const side = action === "CREATE" ? "new" : "old";
    const when = fields.start ? describeMoment(fields.start[side]) : null;
    const where = fields.venue ? venueName(fields.venue[side], venueNames) : null;
    const line = [when, where].filter(Boolean).join(", ");
    return line ? [action === "CREATE" ? line : `Was ${line}`] : [];
  }
  return describeFieldChanges(fields, venueNames);
}

export type ChangeKind = "new" | "moved" | "rescheduled" | "cancelled" | "reinstated" | "removed" | "changed";

/** What a visitor filters by: new, moved (venue), rescheduled (time), cancelled… */
export function changeKind(action: string, fields: FieldChangeMap): ChangeKind {
  if (action === "CREATE") return "new";
  if (action === "DELETE") return "removed";
  if (action === "CANCEL") return "cancelled";
  if (fields.status?.new === "SCHEDULED") return "reinstated";
  if (fields.venue) return "moved";
  if (fields.start || fields.end) return "rescheduled";
  return "changed";
}

export const KIND_LABELS: Record<ChangeKind, string> = {
  new: "New",
  moved: "Moved",
  rescheduled: "Rescheduled",
  cancelled: "Cancelled",
  reinstated: "Back on",
  removed: "Removed",
  changed: "Changed",
};
