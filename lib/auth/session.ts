import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { prisma } from "../db";
import { safeCallbackPath } from "./callback-path";
import { authSecret, sessionCookieName } from "./secret";
import type { SessionUser } from "./session-user";

export type { SessionUser } from "./session-user";
export { safeCallbackPath } from "./callback-path";

function parseCookieHeader(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    try {
      jar.set(name, decodeURIComponent(raw));
    } catch {
      jar.set(name, raw);
    }
  }
  return jar;
}

/** next-auth splits a large JWT over "<name>.0", "<name>.1", …; joined back in order. */
function sessionTokenFrom(jar: Map<string, string>): string | undefined {
  const name = sessionCookieName();
  if (jar.has(name)) return jar.get(name);
  const chunks = [...jar.keys()]
    .filter((key) => key.startsWith(`${name}.`))
    .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
  return chunks.length ? chunks.map((key) => jar.get(key)).join("") : undefined;
}

/**
 * True for a password sign-in from before the email was proven: it no longer counts, since the
 * password it used was dropped then (lib/auth/adapter.ts) and may have been set by someone else.
 * Tokens from before `method`/`signedInAt` existed are not judged.
 */
function sessionOutlivedProof(claims: { method?: unknown; signedInAt?: unknown }, emailVerified: Date | null): boolean {
  if (claims.method !== "credentials" || typeof claims.signedInAt !== "number" || !emailVerified) return false;
  return claims.signedInAt < Math.floor(emailVerified.getTime() / 1000);
}

/**
 * The user a session JWT belongs to, read fresh from the database: a deleted account's cookie no
 * longer works, and a changed role applies at once.
 */
async function userFromSessionToken(token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  let claims: Record<string, unknown> | null;
  try {
    claims = await decode({ token, secret: authSecret() });
  } catch {
    return null; // expired, tampered with, or signed with another secret
  }
  const userId = claims?.sub;
  if (!claims || typeof userId !== "string" || !userId) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, emailVerified: true },
  });
  if (!user || sessionOutlivedProof(claims, user.emailVerified)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

type ApiUserResult = { ok: true; user: SessionUser } | { ok: false; response: Response };

/** For route handlers: the signed-in user, or a 401 JSON response to return as is. */
export async function requireApiUser(request: Request, action = "use your itinerary"): Promise<ApiUserResult> {
  const user = await userFromSessionToken(sessionTokenFrom(parseCookieHeader(request.headers.get("cookie"))));
  if (user) return { ok: true, user };
  return {
    ok: false,
    response: Response.json(
      { error: `Sign in to ${action}.` },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    ),
  };
}

/** For pages: the signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const jar = new Map((await cookies()).getAll().map((cookie) => [cookie.name, cookie.value] as const));
  return userFromSessionToken(sessionTokenFrom(jar));
}

/** For pages: the signed-in user; anyone else is sent to /signin and brought back afterwards. */
export async function requireUser(callbackPath: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackPath))}`);
  return user;
}

/** For admin pages: signs visitors in first; a signed-in non-admin sees "not found". */
export async function requireAdmin(callbackPath: string): Promise<SessionUser> {
  const user = await requireUser(callbackPath);
  if (user.role !== "ADMIN") notFound();
  return user;
}
