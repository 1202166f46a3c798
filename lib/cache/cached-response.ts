// A public JSON answer kept as its serialised text and ETag per programme version, so a repeated
// request costs neither a query nor a JSON.stringify of a few hundred events (the larger part of
// a cached /api/events answer's time before: docs/decisions/022-cached-page-html.md). A client
// that sends the ETag back gets a 304 without a body.
// The stored text is also what the page front door's in-process fill sends (storedJson, without a
// Request or a Response: docs/decisions/024-search-in-memory.md), so both give the same bytes.
import { createHash } from "node:crypto";
import { cachedRead } from "./programme-reads";

/** A 200 answer as kept: its exact body, ETag and the headers the route sets itself. */
export interface StoredJson {
  contentType: string;
  cacheControl: string;
  body: string;
  etag: string;
}

/** What a build gives: a 200's value (serialised as Response.json would, then kept), or any other answer (not kept). */
export type JsonBuild = { ok: true; value: unknown; cacheControl: string } | { ok: false; response: Response };

// Response.json's Content-Type; its body is JSON.stringify of the value, as here.
const JSON_CONTENT_TYPE = "application/json";

/** Whether an If-None-Match header names this ETag (a list, or "*"). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed === etag || trimmed === `W/${etag}`;
  });
}

function serialised(value: unknown, cacheControl: string): StoredJson {
  const body = JSON.stringify(value);
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  return { contentType: JSON_CONTENT_TYPE, cacheControl, body, etag };
}

/**
 * `build()`'s 200 answer for `key`, serialised once per programme version, or the other answer it
 * gave (a 400 naming a bad parameter), which is built per request and not kept. `key` must name
 * everything the answer depends on, as for cachedRead.
 */
export async function storedJson(key: string, build: () => Promise<JsonBuild>): Promise<StoredJson | Response> {
  let fresh: Response | null = null;
  const stored = await cachedRead<StoredJson | null>(
    `response ${key}`,
    async () => {
      const built = await build();
      if (!built.ok) {
        fresh = built.response;
        return null;
      }
      return serialised(built.value, built.cacheControl);
    },
    // The text is the whole entry: no need to serialise it again to weigh it.
    (entry) => (entry ? entry.body.length * 2 + 256 : 64),
  );
  if (fresh) return fresh;
  if (stored) return stored;
  // Another request's build answered non-200 for this key: build ours (it is not kept).
  const built = await build();
  return built.ok ? serialised(built.value, built.cacheControl) : built.response;
}

/** storedJson as a route's Response: the stored text, or a 304 for its ETag. */
export async function cachedJsonResponse(request: Request, key: string, build: () => Promise<JsonBuild>): Promise<Response> {
  const stored = await storedJson(key, build);
  if (stored instanceof Response) return stored;
  const headers: Record<string, string> = { ETag: stored.etag, "Cache-Control": stored.cacheControl };
  if (matches(request.headers.get("if-none-match"), stored.etag)) return new Response(null, { status: 304, headers });
  headers["Content-Type"] = stored.contentType;
  return new Response(stored.body, { status: 200, headers });
}
