import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { EDITABLE_FIELDS } from "./stored-event";

// A save that started from an older version is refused; to say which fields moved meanwhile, the
// change log of the event is read: every update records { version: { old, new } } besides the
// fields it changed.

export async function conflictingFields(tx: Prisma.TransactionClient, eventId: number, sinceVersion: number): Promise<string[]> {
  const entries = await tx.changeLogEntry.findMany({
    where: { subject: "EVENT", subjectId: eventId, action: { in: ["UPDATE", "CANCEL"] } },
    select: { fields: true },
    orderBy: { id: "asc" },
  });
  const fields = new Set<string>();
  for (const entry of entries) {
    const changes = entry.fields as Record<string, { old: unknown; new: unknown }> | null;
    const newVersion = changes?.version?.new;
    if (typeof newVersion !== "number" || newVersion <= sinceVersion) continue;
    for (const field of Object.keys(changes ?? {})) if (field !== "version") fields.add(field);
  }
  // jsonb keeps keys in its own order; answer in the form's order.
  const order: readonly string[] = EDITABLE_FIELDS;
  return [...fields].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
