import type { Cacheable } from "./front-door";
import { UNCACHEABLE, type Stored } from "./page-html-store";

// Fills the page front door's store for some public data without a request to this same server
// (docs/decisions/024-search-in-memory.md). A search nobody asked before is a miss by nature: filled
// through Next, it cost a loopback HTTP request, Next's router, proxy.ts and the route handler on
// top of the search itself. Here the route's own function (the same one its handler calls) gives
// the stored body and the headers the route sets itself (Content-Type, ETag, Cache-Control); every other
// header of the answer — the security headers of next.config.js and proxy.ts, Vary — is copied
// from an answer Next gave for the same path in this process. Until Next has answered once for a
// path (the first miss after start), that path is filled through Next as before, which is also how
// the headers are learnt: whatever Next sends is what the direct answers send.

/** A route's answer as the front door keeps it: a 200's exact body and the headers the route sets itself, or another status. */
export type DirectAnswer = { status: 200; headers: [string, string][]; body: string; etag: string } | { status: number };

export interface InProcessRoute {
  /** The exact path, without query ("/api/events"). */
  path: string;
  /** The route's answer to a GET of `url` (absolute, with the request's Host), or null to leave it to Next. */
  answer: (url: string) => Promise<DirectAnswer | null>;
}

/** Headers a route's answer sets itself; the rest come from the template Next's answer gives. */
const ROUTE_OWN_HEADERS = new Set(["content-type", "etag", "cache-control"]);

export type Fill = (target: string, cacheable: Cacheable, throughNext: () => Promise<Stored | null>) => Promise<Stored | null>;

/** A front-door fill that answers `routes` in process once their headers are known, and everything else through Next. */
export function inProcessFill(routes: InProcessRoute[]): Fill {
  const templates = new Map<string, [string, string][]>();
  return async (target, cacheable, throughNext) => {
    const queryAt = target.indexOf("?");
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const route = cacheable.kind === "data" ? routes.find((candidate) => candidate.path === path) : undefined;
    if (!route) return throughNext();
    const template = templates.get(path);
    if (!template) {
      const stored = await throughNext();
      if (stored && stored !== UNCACHEABLE) templates.set(path, stored.headers.filter(([name]) => !ROUTE_OWN_HEADERS.has(name)));
      return stored;
    }
    const host = String(cacheable.headers.host ?? "localhost");
    // The route's stored text itself, not a Response around it: a Request, a Response and their
    // streams and abort signal were ~18 % of the CPU of a miss (decision 024).
    const direct = await route.answer(`http://${host}${target}`);
    if (!direct) return throughNext();
    // A 400 naming a bad parameter (or anything else but 200) is Next's to answer, as for a fill through it.
    if (!("body" in direct)) return UNCACHEABLE;
    const body = Buffer.from(direct.body);
    const own = direct.headers.filter(([name]) => ROUTE_OWN_HEADERS.has(name));
    return { status: 200, headers: [...template, ...own], parts: [body], bytes: body.length + 1024, etag: direct.etag, gzipped: null };
  };
}
