import "server-only";
import { prisma } from "../db";
import { CSV_COLUMNS, programmeRowOf, type ProgrammeRow } from "./event-row";
import { STORED_EVENT_SELECT } from "./stored-event";

// The whole programme in the import's own format: importing an export changes nothing.

export async function exportProgrammeRows(): Promise<ProgrammeRow[]> {
  const rows = await prisma.event.findMany({ select: STORED_EVENT_SELECT, orderBy: [{ startsAt: "asc" }, { id: "asc" }] });
  return rows.map(programmeRowOf);
}

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export function programmeCsv(rows: readonly ProgrammeRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of rows) {
    lines.push(CSV_COLUMNS.map((column) => csvField(column === "performers" ? row.performers.join("; ") : row[column])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
