import "server-only";
import type { JWT } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { prisma } from "../db";
import { safeCallbackPath } from "./same-origin";
import { authSecret, usesSecureCookies } from "./secret";
import { readSessionClaims, type TokenSource } from "./session-token";

export { safeCallbackPath } from "./same-origin";

/** The signed-in visitor as every page and route sees it. */
export interface SessionUser {
  id: string;
  email: string | null;
  name: string | null;
  role: "VISITOR" | "ADMIN";
}

/**
 * A session ends this long after its sign-in, however often next-auth renews its cookie
 * (GET /api/auth/session re-issues it with a fresh expiry): a stolen cookie cannot be kept alive.
 */
export const SESSION_ABSOLUTE_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

/** The claims this app puts in next-auth's JWT (lib/auth/auth-options.ts). */
export interface SessionClaims {
  sub?: unknown;
  method?: unknown;
  signedInAt?: unknown;
  sessionVersion?: unknown;
}

/** Why a decoded session no longer counts, given its user's row; null while it still does. */
export function sessionEndReason(
  claims: SessionClaims,
  user: { sessionVersion: number; emailVerified: Date | null },
  now: Date = new Date(),
): "signed-out" | "expired" | "outlived-proof" | null {
  // Tokens from before sessionVersion existed carry none: they are version 0, the column's default.
  const version = typeof claims.sessionVersion === "number" ? claims.sessionVersion : 0;
  if (version !== user.sessionVersion) return "signed-out";
  const signedInAt = typeof claims.signedInAt === "number" ? claims.signedInAt : null;
  if (signedInAt !== null && signedInAt + SESSION_ABSOLUTE_LIFETIME_SECONDS <= now.getTime() / 1000) return "expired";
  // A password sign-in from before the email was proven no longer counts: the password it used
  // was dropped then (lib/auth/adapter.ts) and may have been set by someone else.
  if (claims.method === "credentials" && signedInAt !== null && user.emailVerified && signedInAt < Math.floor(user.emailVerified.getTime() / 1000)) {
    return "outlived-proof";
  }
  return null;
}

/** The user row a session is checked against; read fresh on every request. */
export interface SessionUserRow extends SessionUser {
  emailVerified: Date | null;
  sessionVersion: number;
}

/** The user id a session's claims name, or null when they name none. */
export function sessionUserId(claims: JWT | null): string | null {
  const userId = claims?.sub;
  return typeof userId === "string" && userId ? userId : null;
}

/**
 * The session's user given its row as read now: a deleted account's cookie (no row) no longer
 * works, a changed role applies at once, and a session from before a sign-out, a password change
 * or an admin's "end sessions" (a raised sessionVersion) is over. Every reader of a session ends
 * here, whether it read the row alone or with the answer's data (lib/itinerary/itinerary-answer.ts).
 */
export function sessionUserFromRow(claims: JWT | null, user: SessionUserRow | null): SessionUser | null {
  if (!claims || !user || user.id !== sessionUserId(claims) || sessionEndReason(claims, user) !== null) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

async function userFromClaims(claims: JWT | null): Promise<SessionUser | null> {
  const userId = sessionUserId(claims);
  if (!userId) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, emailVerified: true, sessionVersion: true },
  });
  return sessionUserFromRow(claims, user);
}

/** next-auth's own reader (right cookie name, chunks joined, Bearer), decrypting with a key derived once. */
export function readToken(source: TokenSource): Promise<JWT | null> {
  return readSessionClaims(source, authSecret(), usesSecureCookies());
}

/** Every session of this user issued until now stops working (sign-out, password change, admin). */
export async function endAllSessions(userId: string): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

type ApiUserResult = { ok: true; user: SessionUser } | { ok: false; response: Response };

function refuse(status: 401 | 403, error: string): { ok: false; response: Response } {
  return { ok: false, response: Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } }) };
}

/** The signed-in user of an API request, or null. */
export async function getRequestUser(request: Request): Promise<SessionUser | null> {
  return userFromClaims(await readToken({ cookies: request.headers.get("cookie"), authorization: request.headers.get("authorization") }));
}

/** For route handlers: the signed-in user, or a 401 JSON response to return as is. */
export async function requireApiUser(request: Request, action = "use your itinerary"): Promise<ApiUserResult> {
  const user = await getRequestUser(request);
  return user ? { ok: true, user } : refuse(401, `Sign in to ${action}.`);
}

/** For pages: the signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  return userFromClaims(await readToken({ cookies: await cookies(), authorization: (await headers()).get("authorization") }));
}

/** For pages: the signed-in user; anyone else is sent to /signin and brought back afterwards. */
export async function requireUser(callbackPath: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackPath))}`);
  return user;
}

/**
 * Admins only. Given a Request (route handlers): the admin, or a 401 JSON response when signed
 * out and 403 for a signed-in visitor. Given a callback path (pages): the same statuses, through
 * Next's unauthorized()/forbidden() (experimental.authInterrupts in next.config.js), which render
 * app/unauthorized.tsx (a sign-in link back to /admin) and app/forbidden.tsx. The path names the
 * page asking; a page cannot pass it on to unauthorized.tsx, which takes no props.
 */
export async function requireAdmin(request: Request): Promise<ApiUserResult>;
export async function requireAdmin(callbackPath: string): Promise<SessionUser>;
export async function requireAdmin(target: Request | string): Promise<ApiUserResult | SessionUser> {
  if (typeof target !== "string") {
    const user = await getRequestUser(target);
    if (!user) return refuse(401, "Sign in as an administrator.");
    if (user.role !== "ADMIN") return refuse(403, "Only administrators may do this.");
    return { ok: true, user };
  }
  const user = await getSessionUser();
  if (!user) unauthorized();
  if (user.role !== "ADMIN") forbidden();
  return user;
}
