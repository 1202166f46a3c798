// The JSON API's answers: 400 names each bad parameter, 404 names what was not found. Public
// programme data, so a short shared cache is fine.
import type { ParameterProblem } from "./event-filters";

const HEADERS = { "Cache-Control": "public, max-age=60" };

export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: HEADERS });
}

export function badRequest(details: ParameterProblem[]): Response {
  const names = [...new Set(details.map((d) => d.parameter))].join(", ");
  return Response.json({ error: `Invalid query parameter: ${names}`, details }, { status: 400 });
}

export function notFound(what: string, slug: string): Response {
  return Response.json(
    { error: `No ${what} "${slug.slice(0, 100)}"`, details: [{ parameter: "slug", message: `no ${what} has this slug` }] },
    { status: 404 },
  );
}
