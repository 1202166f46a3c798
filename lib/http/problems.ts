// The one error shape of every route, server action and form in the app:
//   {"error": "<one sentence>", "details": [{"parameter": "<name>", "message": "<what is wrong>"}]}
// A bad query parameter, body field or slug is the client's mistake: a 4xx naming it, never a 500.
// Plain functions without server-only imports, so the browser can read answers with the same code.
import type { z } from "zod";

export interface ParameterProblem {
  parameter: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; details: ParameterProblem[] };

/** What a server action answers a form: done (with an optional message), or why not. */
export type ActionResult = { ok: true; message?: string } | { ok: false; message: string };

/** What a domain operation answers, ready for a route to send as JSON or an action to return. */
export interface Outcome {
  status: number;
  body: Record<string, unknown>;
}

export function problem(status: number, error: string, details: ParameterProblem[] = []): Outcome {
  return { status, body: details.length ? { error, details } : { error } };
}

/** zod issues of a query: each names its parameter (the first path segment). */
export function problemsFromZod(error: z.ZodError): ParameterProblem[] {
  return error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? "query"), message: issue.message }));
}

/** zod issues of a JSON body: the field's dotted path, or "body" for the body as a whole. */
export function bodyProblems(error: z.ZodError): ParameterProblem[] {
  return error.issues.map((issue) => ({ parameter: issue.path.length ? issue.path.join(".") : "body", message: issue.message }));
}

export function outcomeResponse(outcome: Outcome, headers?: HeadersInit): Response {
  return Response.json(outcome.body, { status: outcome.status, headers });
}

/** Public programme data: a short shared cache is fine. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60";
const PUBLIC_HEADERS = { "Cache-Control": PUBLIC_CACHE_CONTROL };

export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: PUBLIC_HEADERS });
}

/** 400 naming every bad query parameter. */
export function badRequest(details: ParameterProblem[]): Response {
  const names = [...new Set(details.map((d) => d.parameter))].join(", ");
  return outcomeResponse(problem(400, `Invalid query parameter: ${names}`, details));
}

/** 404 for an unknown slug, in the same shape. */
export function notFound(what: string, slug: string): Response {
  return outcomeResponse(problem(404, `No ${what} "${slug.slice(0, 100)}"`, [{ parameter: "slug", message: `no ${what} has this slug` }]));
}

/**
 * The sentence to show a person for an error answer (client side): the error, then each detail,
 * or `fallback` when the body is not in our shape (a proxy's HTML page, a dropped connection).
 */
export function problemMessage(body: unknown, fallback = "Something went wrong. Try again."): string {
  if (typeof body !== "object" || body === null) return fallback;
  const { error, details } = body as { error?: unknown; details?: unknown };
  const lines = Array.isArray(details)
    ? details
        .filter((d): d is ParameterProblem => typeof d === "object" && d !== null && typeof (d as ParameterProblem).message === "string")
        .map((d) => `${d.parameter === "body" ? "" : `${d.parameter} `}${d.message}.`)
    : [];
  const text = [typeof error === "string" ? error : "", ...lines].filter(Boolean).join(" ");
  return text || fallback;
}
