// Requests Next itself would answer with a 500 (text/plain, without the security headers) are
// answered before any route runs: a path with broken percent-encoding ("/api/events/%zz") and a
// method Next does not know (TRACE, CONNECT, …; Next fails to build a Request for those before
// proxy.ts could run). lib/security/node-request-guard.ts applies this to every request the
// server receives; proxy.ts applies it again. Imports nothing from the database or the environment.

// The methods Next's route handlers understand (next/dist/server/web/http.js); for any of them a
// route that does not export it already answers 405 with Allow.
const HTTP_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"]);

// The methods each route handler exports (app/**/route.ts); pages answer GET and HEAD. Only used
// for the Allow header of a 405; tests/e2e/route-walk.spec.ts compares it with what Next reports
// for OPTIONS on every route, so a route that gains a method fails the walk until it is listed.
const ROUTE_METHODS: [RegExp, string[]][] = [
  [/^\/api\/auth\/signup$/, ["POST"]],
  [/^\/api\/auth\/.+/, ["GET", "POST"]],
  [/^\/api\/calendar-feed$/, ["GET", "POST", "DELETE"]],
  [/^\/api\/itinerary\/merge$/, ["POST"]],
  [/^\/api\/itinerary\/calendar\.ics$/, ["GET"]],
  [/^\/api\/itinerary\/[^/]+$/, ["PUT", "DELETE"]],
  [/^\/api\/itinerary\/changes\/[^/]+$/, ["POST"]],
  [/^\/api\/reminders$/, ["GET", "PUT"]],
  [/^\/api\/share-links$/, ["GET", "POST"]],
  [/^\/api\/share-links\/[^/]+$/, ["DELETE"]],
  [/^\/api\/admin\/events$/, ["GET", "POST"]],
  [/^\/api\/admin\/events\/[^/]+$/, ["GET", "PATCH", "DELETE"]],
  [/^\/api\/admin\/import$/, ["POST"]],
  [/^\/api\/admin\/(?:venues|national-days)$/, ["POST"]],
  [/^\/api\/admin\/(?:venues|national-days)\/[^/]+$/, ["PATCH", "DELETE"]],
];

/** The Allow header for a path: what its route handler exports, or GET and HEAD for pages and reads. */
export function allowedMethods(pathname: string): string {
  const methods = ROUTE_METHODS.find(([pattern]) => pattern.test(pathname))?.[1] ?? ["GET"];
  const withHead = methods.includes("GET") ? [...methods, "HEAD"] : methods;
  return [...withHead, "OPTIONS"].join(", ");
}

/** True when some percent-escape in the path does not decode (e.g. "%zz", or "%C3" alone). */
export function hasBrokenPercentEncoding(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return false;
  } catch {
    return true;
  }
}

export interface Refusal {
  status: 400 | 405;
  headers: Record<string, string>;
  body: { error: string };
}

/** The path of a request target as the client sent it ("/a/%zz?x" → "/a/%zz"); "/" when unparseable. */
export function rawPathOf(target: string): string {
  try {
    return new URL(target, "http://placeholder.invalid").pathname;
  } catch {
    return "/";
  }
}

/** A 400 or 405 for a request no route could answer properly; null for every other request. */
export function refusalFor(method: string, target: string): Refusal | null {
  const known = HTTP_METHODS.has(method.toUpperCase());
  // Every request comes through here: a target without "%" has no percent-encoding to break (the
  // URL parser only adds well-formed escapes), so it is not parsed at all.
  if (known && !target.includes("%")) return null;
  const pathname = rawPathOf(target);
  const base = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  if (!known) {
    return { status: 405, headers: { ...base, Allow: allowedMethods(pathname) }, body: { error: `The method ${method} is not allowed here.` } };
  }
  if (hasBrokenPercentEncoding(pathname)) return { status: 400, headers: base, body: { error: "The address has broken percent-encoding." } };
  return null;
}

/** refusalFor as a Fetch Response (proxy.ts). */
export function guardRequest(request: Request): Response | null {
  const url = new URL(request.url);
  const refusal = refusalFor(request.method, `${url.pathname}${url.search}`);
  return refusal && Response.json(refusal.body, { status: refusal.status, headers: refusal.headers });
}
