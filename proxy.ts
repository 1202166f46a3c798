import { NextResponse, type NextRequest } from "next/server";
import { createNonce, isServedOverHttps, pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY as HSTS } from "@/lib/security/content-security-policy";
import { guardRequest } from "@/lib/security/request-guard";
import { getEnv } from "@/lib/env";
import { pageCacheControl } from "@/lib/http/page-cache-control";

// Every request but static files passes here: malformed ones (broken percent-encoding, unknown
// methods) get a 4xx before any route runs (lib/security/request-guard.ts), HSTS is added when the
// site is https, and pages get a fresh CSP nonce (docs/decisions/008-content-security-policy.md).
// Authorisation is not checked here: every route and action checks it itself.


// JSON and feed answers (/api, /calendar), the /e/{id} redirects and prefetches of RSC payloads run
// no scripts: a CSP on them would only cost a nonce per request.
const NOT_A_PAGE = /^\/(?:api(?:\/|$)|calendar(?:\/|$)|e\/)/;

function isPrefetch(request: NextRequest): boolean {
  return request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
}

export function proxy(request: NextRequest): NextResponse {
  const https = isServedOverHttps(getEnv().NEXTAUTH_URL);
  const refused = guardRequest(request);
  if (refused) {
    // Next's headers from next.config.js may not reach an answer made here: set the basics too.
    const response = new NextResponse(refused.body, refused);
    response.headers.set("X-Content-Type-Options", "nosniff");
    response.headers.set("Referrer-Policy", "no-referrer");
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  }
  if (NOT_A_PAGE.test(request.nextUrl.pathname) || isPrefetch(request)) {
    const response = NextResponse.next();
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  }

  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce);
  // Next reads the nonce from the request-side header and puts it on the scripts it renders;
  // x-nonce is there for a page that needs to pass it to a <Script> of its own.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Public pages may enter the back/forward cache; Next's no-store stays on private ones.
  const cacheControl = pageCacheControl(request.method, request.nextUrl.pathname);
  if (cacheControl) response.headers.set("Cache-Control", cacheControl);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Everything but build assets: a malformed request to any route must be caught here.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico).*)"],
};
