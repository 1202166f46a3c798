import { CsvError, parse } from "csv-parse/sync";
import { CSV_COLUMNS } from "./event-row";

// Turns the uploaded text into records of strings, each with the row number an organiser sees in
// a spreadsheet (the header is row 1, the first event row 2; a JSON file's first item is row 1).
// Problems with the file as a whole (empty, unknown or missing columns, broken quoting) are
// reported here; the rows' values are checked by the event schema afterwards.

export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportRecord {
  row: number;
  values: Record<string, unknown>;
}

export type ParsedImport = { ok: true; records: ImportRecord[] } | { ok: false; problems: ImportProblem[] };

const REQUIRED = ["slug", "title", "start", "end", "venue", "category"] as const;
const KNOWN = new Set<string>(CSV_COLUMNS);

function headerProblems(columns: readonly string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (!KNOWN.has(column)) problems.push({ row: 1, column, message: `unknown column (known: ${CSV_COLUMNS.join(", ")})` });
    else if (seen.has(column)) problems.push({ row: 1, column, message: "appears twice" });
    seen.add(column);
  }
  for (const column of REQUIRED) if (!seen.has(column)) problems.push({ row: 1, column, message: "is missing" });
  return problems;
}

export function parseCsvImport(text: string): ParsedImport {
  let rows: string[][];
  try {
    // bom: a UTF-8 byte-order mark (Excel) is not part of the first column's name; CRLF and LF
    // both end records; quoted fields may hold commas, quotes and line breaks.
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === "number" ? error.lines : 0;
      return { ok: false, problems: [{ row: line, column: null, message: `not valid CSV: ${error.message}` }] };
    }
    throw error;
  }
  if (rows.length === 0) return { ok: false, problems: [{ row: 0, column: null, message: "the file is empty" }] };
  const header = rows[0].map((name) => name.trim());
  const problems = headerProblems(header);
  if (problems.length) return { ok: false, problems };
  if (rows.length === 1) return { ok: false, problems: [{ row: 0, column: null, message: "the file has a header but no events" }] };
  const records = rows.slice(1).map((cells, index) => ({
    row: index + 2,
    values: Object.fromEntries(header.map((column, i) => [column, cells[i]])),
  }));
  return { ok: true, records };
}

export function parseJsonImport(text: string): ParsedImport {
  if (text.trim() === "") return { ok: false, problems: [{ row: 0, column: null, message: "the file is empty" }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ row: 0, column: null, message: "not valid JSON" }] };
  }
  const items = Array.isArray(value) ? value : (value as { events?: unknown } | null)?.events;
  if (!Array.isArray(items)) return { ok: false, problems: [{ row: 0, column: null, message: 'must be an array of events or { "events": [...] }' }] };
  if (items.length === 0) return { ok: false, problems: [{ row: 0, column: null, message: "the file has no events" }] };
  const problems: ImportProblem[] = [];
  const records: ImportRecord[] = [];
  items.forEach((item, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      problems.push({ row: index + 1, column: null, message: "must be an object" });
      return;
    }
    for (const column of Object.keys(item)) {
      if (!KNOWN.has(column)) problems.push({ row: index + 1, column, message: "unknown field" });
    }
    records.push({ row: index + 1, values: item as Record<string, unknown> });
  });
  return problems.length ? { ok: false, problems } : { ok: true, records };
}

export function parseImport(format: "csv" | "json", text: string): ParsedImport {
  return format === "csv" ? parseCsvImport(text) : parseJsonImport(text);
}
