import { NextResponse, type NextRequest } from "next/server";
import { createNonce, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";

// A fresh CSP nonce for every page request (docs/decisions/008-content-security-policy.md).
// Authorisation is not checked here: every route and action checks it itself.
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce);

  // Next reads the nonce from the request-side header and puts it on the scripts it renders;
  // x-nonce is there for a page that needs to pass it to a <Script> of its own.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: JSON and feed answers (/api, /calendar), the /e/{id} redirects and static files
      // run no scripts, and a header on them would only cost a nonce per request.
      source: "/((?!api(?:/|$)|calendar(?:/|$)|e/|_next/static|_next/image|favicon\\.ico).*)",
      // Prefetches from next/link fetch RSC payloads, not documents; the page itself gets the header.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
