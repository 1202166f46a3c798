import "server-only";
import { getEnv, type Env } from "../env";

// Only for local development and tests, where a missing NEXTAUTH_SECRET should not stop anyone:
// lib/env.ts refuses to start production without a real one, so this value never signs a real session.
export const DEVELOPMENT_ONLY_SECRET = "development-only-nextauth-secret-never-used-in-production";

/** The secret that signs and encrypts session JWTs. */
export function authSecret(): string {
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is required in production");
  return DEVELOPMENT_ONLY_SECRET;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Secure cookies whenever the site is served over HTTPS, and always in production except on a
 * local host (`npm start` and the e2e run serve production builds over plain http://localhost,
 * where a Secure cookie would never be sent back).
 */
export function usesSecureCookies(): boolean {
  return secureCookiesFor(getEnv());
}

export function secureCookiesFor(env: Pick<Env, "NODE_ENV" | "NEXTAUTH_URL">): boolean {
  if (env.NEXTAUTH_URL?.startsWith("https://")) return true;
  if (env.NODE_ENV !== "production") return false;
  const host = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).hostname : undefined;
  return !(host && LOCAL_HOSTS.has(host));
}

/** next-auth prefixes its cookie names with "__Secure-" when the cookies are Secure. */
export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
