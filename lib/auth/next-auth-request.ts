import "server-only";
import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { bodyTooLarge, readBodyText } from "../http/read-json-body";
import { authOptions } from "./auth-options";
import { knownDeviceCookie, sessionCookieName } from "./secret";
import { beginSignInAttempt, signInSourceFrom, takeMagicLinkRequest, tooManyAttempts } from "./sign-in-limit";

// Everything app/api/auth/[...nextauth] does around next-auth: bodies are capped and must parse,
// limits see exactly the body next-auth will parse (the same parser on the same bytes, so JSON,
// forms and repeated fields, where the last value wins, are read alike), and a successful password
// sign-in marks the browser as a known device of that account.

/**
 * next-auth's own body parser for the App Router, step for step (getBody in
 * next-auth/next/utils.js, which the package does not export): JSON when the Content-Type merely
 * contains application/json, else a form when it contains x-www-form-urlencoded, where
 * Object.fromEntries keeps the LAST value of a repeated field. tests/unit/auth-next-auth-body.test.ts
 * runs both on the same bodies.
 */
export async function parseLikeNextAuth(req: Request): Promise<Record<string, unknown> | undefined> {
  if (!req.body || req.method !== "POST") return undefined;
  const contentType = req.headers.get("content-type");
  if (contentType?.includes("application/json")) return (await req.json()) as Record<string, unknown>;
  if (contentType?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await req.text()));
  return undefined;
}

export const MAX_AUTH_BODY_BYTES = 64 * 1024;

export type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

function problem(status: number, error: string, parameter: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error, details: [{ parameter, message }] }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

type Prepared = { ok: true; request: NextRequest; body: Record<string, unknown> | undefined } | { ok: false; response: Response };

/**
 * A POST as next-auth will read it, or the 4xx a malformed one gets: next-auth answers 500 for
 * broken or empty JSON and reads whole bodies of any size, so both are settled here first.
 */
export async function prepareAuthPost(request: NextRequest, url: string = request.url): Promise<Prepared> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > MAX_AUTH_BODY_BYTES) return { ok: false, response: bodyTooLarge(MAX_AUTH_BODY_BYTES) };
  const contentType = request.headers.get("content-type") ?? "";
  // next-auth's getBody reads only these two (JSON first) and silently ignores anything else.
  if (!contentType.includes("application/json") && !contentType.includes("application/x-www-form-urlencoded")) {
    return {
      ok: false,
      response: problem(415, "Send the sign-in request as a form or as JSON.", "Content-Type", `${contentType || "(none)"} is not application/x-www-form-urlencoded or application/json`),
    };
  }
  const text = await readBodyText(request, MAX_AUTH_BODY_BYTES);
  if (text === null) return { ok: false, response: bodyTooLarge(MAX_AUTH_BODY_BYTES) };
  if (text.trim() === "") return { ok: false, response: problem(400, "The request body is empty.", "body", "is required") };
  const headers = new Headers(request.headers);
  headers.delete("content-length"); // the rebuilt body is the decoded text; let fetch count it
  const rebuilt = new NextRequest(url, { method: "POST", headers, body: text });
  let body: unknown;
  try {
    body = await parseLikeNextAuth(rebuilt.clone());
  } catch {
    return { ok: false, response: problem(400, "The request body is not valid JSON.", "body", "is not valid JSON") };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, response: problem(400, "The request body must be an object of fields.", "body", "must be a JSON object or a form") };
  }
  return { ok: true, request: rebuilt, body: body as Record<string, unknown> };
}

// next-auth's own test of a callbackUrl (isValidHttpUrl in next-auth/core/lib/assert.js): a value
// that fails it, in the query or in the callback-url cookie, makes next-auth answer 500 for every
// request from that browser until the cookie expires.
function nextAuthAcceptsCallbackUrl(value: string, base: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * The request URL without a callbackUrl next-auth would choke on, and the callback-url cookie
 * deleted when next-auth would choke on it (so next-auth sets a good one): ignored, not fatal.
 */
async function withoutBadCallbackUrl(request: NextRequest): Promise<string> {
  const url = new URL(request.url);
  const param = url.searchParams.get("callbackUrl");
  if (param !== null && !nextAuthAcceptsCallbackUrl(param, url.origin)) url.searchParams.delete("callbackUrl");
  // In a route handler cookies() is the request's jar, and a deletion there is what next-auth reads
  // next (and it clears the cookie in the browser too).
  const jar = await cookies();
  for (const name of ["next-auth.callback-url", "__Secure-next-auth.callback-url"]) {
    const value = jar.get(name)?.value;
    if (value !== undefined && !nextAuthAcceptsCallbackUrl(value, url.origin)) jar.delete(name);
  }
  return url.toString();
}

/** The limit that applies to this action, or null: a 429 once reached. */
async function refuseOverLimit(action: string, body: Record<string, unknown> | undefined, headers: Headers): Promise<Response | null> {
  if (action === "callback/credentials") {
    const limit = await beginSignInAttempt(signInSourceFrom(body, headers));
    return limit.limited ? tooManyAttempts(limit, "failed sign-ins") : null;
  }
  if (action === "signin/email") {
    const limit = await takeMagicLinkRequest(signInSourceFrom(body, headers));
    return limit.limited ? tooManyAttempts(limit, "sign-in links requested") : null;
  }
  return null;
}

/** True when next-auth's answer starts a session (it sets a non-empty session cookie). */
function startsSession(response: Response): boolean {
  const name = sessionCookieName();
  return response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${name}=`) && !cookie.startsWith(`${name}=;`));
}

export async function handleAuthGet(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const action = ((await context.params).nextauth ?? []).join("/");
  // next-auth answers a GET of the credentials callback with a 500 naming an internal error.
  if (action === "callback/credentials") {
    return problem(405, "Sign in with a POST.", "method", "GET is not allowed here", { Allow: "POST" });
  }
  const url = await withoutBadCallbackUrl(request);
  return NextAuth(authOptions())(url === request.url ? request : new NextRequest(url, { headers: request.headers }), context);
}

export async function handleAuthPost(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const action = ((await context.params).nextauth ?? []).join("/");
  const prepared = await prepareAuthPost(request, await withoutBadCallbackUrl(request));
  if (!prepared.ok) return prepared.response;
  const refused = await refuseOverLimit(action, prepared.body, prepared.request.headers);
  if (refused) return refused;
  const response: Response = await NextAuth(authOptions())(prepared.request, context);
  const source = signInSourceFrom(prepared.body, prepared.request.headers);
  if (action === "callback/credentials" && source.email && startsSession(response)) {
    response.headers.append("Set-Cookie", knownDeviceCookie(source.email));
  }
  return response;
}
