// Where a request came from and where a visitor may be sent: the Origin check on state changes,
// and same-site callback paths. No server-only import and no env read at import time, so
// safeCallbackPath can be tested on its own.
import { getEnv } from "../env";

// Session cookies are SameSite=Lax, which already keeps them off most cross-site writes; checking
// the origin as well refuses the rest (older browsers, same-site subdomains) on every state change.

/** This app's origin: NEXTAUTH_URL's when set (X-Forwarded-Host is never trusted), else the request URL's. */
function ownOrigin(request: Request): string {
  const configured = getEnv().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : new URL(request.url).origin;
}

function originOf(value: string | null): string | null {
  if (!value || value === "null") return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

function refused(parameter: string, message: string): Response {
  return Response.json(
    { error: "Requests from another site are refused.", details: [{ parameter, message }] },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}

/**
 * For state-changing requests: a 403 JSON response unless the Origin header (or, when a browser
 * sent none, the Referer) names this app's scheme, host and port; null when it does. A request
 * with neither is refused too: every browser sends one of them on a cross-site write.
 */
export function rejectCrossOrigin(request: Request): Response | null {
  const own = ownOrigin(request);
  const origin = request.headers.get("origin");
  if (origin !== null) return originOf(origin) === own ? null : refused("Origin", `${origin} is not this site`);
  const referer = request.headers.get("referer");
  if (referer !== null) return originOf(referer) === own ? null : refused("Referer", "is not a page of this site");
  return refused("Origin", "is required (or a Referer from this site)");
}

// Any origin that cannot be real: a value is a same-site path only if resolving it against this
// origin keeps the origin.
const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";

// Browsers drop tab, CR and LF inside URLs ("/\t/evil.example" becomes "//evil.example") and read a
// backslash as a slash ("/\evil.example"), so any of them makes the value unsafe, whatever it parses to.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * Only a same-site path may be a callback: "/itinerary?day=2017-08-14#x" yes; "//evil.example",
 * "/\evil.example", "/\t/evil.example", "https://…" and "javascript:…" give the fallback.
 */
export function safeCallbackPath(value: string | string[] | undefined | null, fallback = "/"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/") || UNSAFE_CHARACTERS.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (path.startsWith("//")) return fallback;
  return path;
}

/**
 * next-auth's `redirect` callback: a same-site path or an absolute URL on `baseUrl` is kept, and
 * anything else (another site, or a value that does not even parse, from the callbackUrl query or
 * cookie) becomes `baseUrl`. next-auth's default throws on an unparseable value, a 500.
 */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (typeof url !== "string") return baseUrl;
  if (url.startsWith("/")) {
    const path = safeCallbackPath(url, "");
    return path ? `${baseUrl}${path}` : baseUrl;
  }
  if (originOf(url) !== originOf(baseUrl) || UNSAFE_CHARACTERS.test(url)) return baseUrl;
  const parsed = new URL(url);
  const path = safeCallbackPath(`${parsed.pathname}${parsed.search}${parsed.hash}`, "");
  return path ? `${parsed.origin}${path}` : baseUrl;
}
