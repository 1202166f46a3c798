import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv, type Env } from "../env";

// The secret that signs sessions, and the cookies it protects.

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

// A "known device" cookie, set when an email signs in with its password: with it, that email's
// sign-ins count against this device only, so strangers' failures cannot lock the owner out
// (docs/decisions/011-sign-in-limits.md). It is an HMAC over the email, a random device id and an
// expiry; it grants nothing by itself (the password is still checked).
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function knownDeviceCookieName(): string {
  return usesSecureCookies() ? "__Secure-expo.known-device" : "expo.known-device";
}

function deviceSignature(email: string, deviceId: string, expiresAt: number): string {
  return createHmac("sha256", authSecret()).update(`known-device\n${email}\n${deviceId}\n${expiresAt}`).digest("base64url");
}

/** The Set-Cookie value marking this browser as one `email` signed in from. */
export function knownDeviceCookie(email: string, now: Date = new Date()): string {
  const deviceId = randomBytes(16).toString("base64url");
  const expiresAt = Math.floor(now.getTime() / 1000) + KNOWN_DEVICE_MAX_AGE_SECONDS;
  const value = `${deviceId}.${expiresAt}.${deviceSignature(email, deviceId, expiresAt)}`;
  const secure = usesSecureCookies() ? "; Secure" : "";
  return `${knownDeviceCookieName()}=${value}; Path=/api/auth; Max-Age=${KNOWN_DEVICE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}

/** The device id when `value` is a valid, unexpired known-device cookie for `email`; else null. */
export function knownDeviceId(value: string | undefined, email: string, now: Date = new Date()): string | null {
  const [deviceId, expires, signature, extra] = (value ?? "").split(".");
  if (!deviceId || !expires || !signature || extra !== undefined) return null;
  const expiresAt = Number(expires);
  if (!Number.isSafeInteger(expiresAt) || expiresAt * 1000 <= now.getTime()) return null;
  const expected = Buffer.from(deviceSignature(email, deviceId, expiresAt));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}
