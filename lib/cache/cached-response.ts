// A public JSON answer kept as its serialised text and ETag per programme version, so a repeated
// request costs neither a query nor a JSON.stringify of a few hundred events (the larger part of
// a cached /api/events answer's time before: docs/decisions/022-cached-page-html.md). A client
// that sends the ETag back gets a 304 without a body.
import { createHash } from "node:crypto";
import { cachedRead } from "./programme-reads";

interface StoredAnswer {
  status: number;
  contentType: string;
  cacheControl: string | null;
  body: string;
  etag: string;
}

/** Whether an If-None-Match header names this ETag (a list, or "*"). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed === etag || trimmed === `W/${etag}`;
  });
}

/**
 * `build()`'s answer for `key`, serialised once per programme version. Only a 200 is kept; any
 * other answer (a 400 naming a bad parameter) is built per request and returned as is. `key` must
 * name everything the answer depends on, as for cachedRead.
 */
export async function cachedJsonResponse(request: Request, key: string, build: () => Promise<Response>): Promise<Response> {
  let fresh: Response | null = null;
  const stored = await cachedRead<StoredAnswer | null>(`response ${key}`, async () => {
    const response = await build();
    if (response.status !== 200) {
      fresh = response;
      return null;
    }
    const body = await response.text();
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    return { status: 200, contentType: response.headers.get("content-type") ?? "application/json", cacheControl: response.headers.get("cache-control"), body, etag };
  });
  if (fresh) return fresh;
  // Another request's build answered non-200 for this key: build ours (it is not kept).
  if (!stored) return build();
  const headers: Record<string, string> = { ETag: stored.etag };
  if (stored.cacheControl) headers["Cache-Control"] = stored.cacheControl;
  if (matches(request.headers.get("if-none-match"), stored.etag)) return new Response(null, { status: 304, headers });
  headers["Content-Type"] = stored.contentType;
  return new Response(stored.body, { status: stored.status, headers });
}
