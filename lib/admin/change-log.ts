import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { astanaDateOf } from "../time/astana";
import { changeKind } from "./describe-change";

type Tx = Prisma.TransactionClient;
type JsonValue = string | number | boolean | null | string[];

// Every organiser change writes its log rows with the transaction client of the change itself:
// if the change fails, no row is left claiming it happened, and no change lands without its row.

export type FieldChanges = Record<string, { old: JsonValue; new: JsonValue }>;

function jsonValue(value: unknown): JsonValue {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined) return null;
  return value as JsonValue;
}

/** { field: { old, new } } for the named fields; a create has old null, a delete new null. */
export function fieldChanges<T extends object>(before: T | null, after: T | null, fields: readonly (keyof T & string)[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    changes[field] = { old: before ? jsonValue(before[field]) : null, new: after ? jsonValue(after[field]) : null };
  }
  return changes;
}

export interface ChangeLogInput {
  subject: "EVENT" | "VENUE" | "NATIONAL_DAY";
  action: "CREATE" | "UPDATE" | "CANCEL" | "DELETE";
  subjectId: number;
  subjectSlug: string;
  label: string;
  fields: FieldChanges;
  /** For events: when and where it is after the change (before it, for a delete). */
  start?: Date;
  venueId?: number;
  actorId: string | null;
}

function row(entry: ChangeLogInput) {
  return {
    subject: entry.subject,
    action: entry.action,
    kind: changeKind(entry.action, entry.fields),
    subjectId: entry.subjectId,
    subjectSlug: entry.subjectSlug,
    label: entry.label,
    fields: entry.fields,
    day: entry.start ? astanaDateOf(entry.start) : null,
    venueId: entry.venueId ?? null,
    actorId: entry.actorId,
  };
}

/**
 * Writes the entries in one statement, all with the same instant. An import logs thousands:
 * one JSON parameter expanded by jsonb_to_recordset, not a bound parameter per value.
 */
export async function writeChangeLog(tx: Tx, entries: readonly ChangeLogInput[], at: Date = new Date()): Promise<void> {
  if (entries.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "ChangeLogEntry" ("subject", "action", "kind", "subjectId", "subjectSlug", "label", "fields", "day", "venueId", "actorId", "createdAt")
    SELECT v."subject"::"ChangeSubject", v."action"::"ChangeAction", v."kind", v."subjectId", v."subjectSlug", v."label",
      v."fields", v."day", v."venueId", v."actorId", ${at.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(entries.map(row))}::jsonb) AS v(
      "subject" text, "action" text, "kind" text, "subjectId" integer, "subjectSlug" text, "label" text,
      "fields" jsonb, "day" date, "venueId" integer, "actorId" text
    )
    ORDER BY v."subjectId"`;
}
