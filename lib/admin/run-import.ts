import "server-only";
import { ADMIN_NO_STORE } from "./admin-responses";
import { readImportBody } from "./import-body";
import { importProgramme } from "./import-programme";
import { parseImport, type ImportProblem } from "./parse-import";

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
