import "server-only";
import { ADMIN_NO_STORE } from "./access";
import { importProgramme } from "./import-programme";
import { type ImportProblem, parseImport } from "./parse-import";

// The import's HTTP answers: 413/415 before parsing, 422 listing every problem (row, column,
// message) with nothing written, 200 with created / updated / unchanged counts.

function unprocessable(problems: ImportProblem[]): Response {
  const rows = new Set(problems.map((problem) => problem.row)).size;
  return Response.json(
    { error: `Nothing was imported: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${rows} row${rows === 1 ? "" : "s"}.`, errors: problems },
    { status: 422, headers: ADMIN_NO_STORE },
  );
}

const flag = (params: URLSearchParams, name: string) => ["true", "1"].includes(params.get(name) ?? "");

export async function runImport(request: Request, actorId: string): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const body = await readImportBody(request);
  if (!body.ok) {
    if (body.status === 422) return unprocessable([{ row: 0, column: null, message: body.error }]);
    return Response.json({ error: body.error }, { status: body.status, headers: ADMIN_NO_STORE });
  }
  const parsed = parseImport(body.format, body.text);
  if (!parsed.ok) return unprocessable(parsed.problems);
  const outcome = await importProgramme(parsed.records, { dryRun: flag(params, "dryRun"), allowOutsideExpo: flag(params, "allowOutsideExpo"), actorId });
  if (!outcome.ok) return unprocessable(outcome.problems);
  return Response.json(outcome.counts, { headers: ADMIN_NO_STORE });
}

// The import's body is read with a cap: a declared Content-Length over it is refused before a byte
// is read, and a body without one (chunked) is refused as soon as it passes the cap, so a 60 MB
// upload is never held in memory nor parsed.

/** 10,000 events with long descriptions fit in a few megabytes; 20 MiB leaves room. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportBody =
  | { ok: true; format: "csv" | "json"; text: string }
  | { ok: false; status: 413 | 415 | 422; error: string };

function tooLarge(limit: number): ImportBody {
  return { ok: false, status: 413, error: `The file is too large (limit ${Math.round(limit / 1024 / 1024)} MiB).` };
}

export function importFormat(contentType: string | null): "csv" | "json" | null {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "text/csv") return "csv";
  if (type === "application/json") return "json";
  return null;
}

export async function readImportBody(request: Request, limit: number = MAX_IMPORT_BYTES): Promise<ImportBody> {
  const format = importFormat(request.headers.get("content-type"));
  if (!format) return { ok: false, status: 415, error: "Send the file as Content-Type: text/csv or application/json." };
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
  if (!request.body) return { ok: true, format, text: "" };
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(limit);
    }
    parts.push(value);
  }
  // fatal: bytes that are not UTF-8 are an error to report, not text to guess at.
  try {
    return { ok: true, format, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(parts)) };
  } catch {
    return { ok: false, status: 422, error: "The file is not UTF-8 text." };
  }
}
