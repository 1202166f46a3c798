import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getToken, type JWT } from "next-auth/jwt";
import { parseCookie } from "next/dist/compiled/@edge-runtime/cookies";

// Reading a session cookie the way next-auth does, at a fraction of its cost per request
// (docs/decisions/025-itinerary-at-scale.md). next-auth's getToken finds the cookie (its name,
// chunks .0/.1/…, or an `Authorization: Bearer` token) and then calls decode(), which derives the
// encryption key from the secret with HKDF on every call before decrypting the JWE. The finding is
// kept as next-auth's own (getToken, with this module's decode); the key is derived once per secret
// with the same HKDF (SHA-256, empty salt, next-auth's info string, 32 bytes) and the JWE decrypted
// with the same jose call and clock tolerance. tests/unit/auth-session-token.test.ts checks the
// result against next-auth's decode on tokens from next-auth's encode.

// next-auth's jwt/index.js: getDerivedEncryptionKey(secret, salt = "").
const ENCRYPTION_KEY_INFO = "NextAuth.js Generated Encryption Key";
// next-auth's decode() allows this much clock skew on exp/iat.
const CLOCK_TOLERANCE_SECONDS = 15;

// Claims of tokens decrypted lately, per token: a visitor's requests carry the same cookie until
// next-auth renews it, and the JWE is authenticated, so one token under one key always decrypts to
// the same claims; only the time checks can change their verdict, and they run again on every use.
// This is only the decrypt: the session's rules (sessionVersion, lifetime, deleted user) still run on
// the user's row on every request (lib/auth/session.ts). Bounded: cleared when full.
const decrypted = new Map<string, JWT>();
const DECRYPTED_KEPT = 5_000;

// One secret per process in practice; a changed secret (tests) replaces the entry.
let cached: { secret: string; key: KeyObject } | null = null;

function encryptionKey(secret: string): KeyObject {
  if (cached?.secret !== secret) {
    cached = { secret, key: createSecretKey(Buffer.from(hkdfSync("sha256", secret, "", ENCRYPTION_KEY_INFO, 32))) };
    // Claims decrypted under another key are not this key's to give.
    decrypted.clear();
  }
  return cached.key;
}

/** jose's time checks of jwtDecrypt (nbf, exp, with the clock tolerance), for claims it accepted before. */
function stillValid(claims: JWT, now: number): boolean {
  if (typeof claims.nbf === "number" && claims.nbf > now + CLOCK_TOLERANCE_SECONDS) return false;
  if (typeof claims.exp === "number" && claims.exp <= now - CLOCK_TOLERANCE_SECONDS) return false;
  return true;
}

/** next-auth's decode() with the key derived once: the claims, or a thrown error like decode's. */
export async function decodeSessionJwt(params: { token?: string; secret: string | Buffer }): Promise<JWT | null> {
  if (!params.token) return null;
  const key = encryptionKey(String(params.secret));
  const known = decrypted.get(params.token);
  // A copy, so a caller changing its claims cannot change another request's.
  if (known && stillValid(known, Math.floor(Date.now() / 1000))) return { ...known };
  // Unknown, or no longer valid: jose decides (and throws its own error for an expired token).
  const { payload } = await jwtDecrypt(params.token, key, { clockTolerance: CLOCK_TOLERANCE_SECONDS });
  if (decrypted.size >= DECRYPTED_KEPT) decrypted.clear();
  decrypted.set(params.token, payload as JWT);
  return { ...(payload as JWT) };
}

/** The parts of a request next-auth's getToken reads. */
export interface TokenSource {
  /** The cookies as Next parses them (`cookies()` of a page), or the raw Cookie header. */
  cookies: { getAll(): { name: string; value: string }[] } | string | null;
  authorization: string | null;
}

/**
 * The claims of the request's session, or null when it has none or it does not decrypt (expired,
 * tampered, another secret). getToken does the finding; only the decrypting is ours.
 */
export function readSessionClaims(source: TokenSource, secret: string, secureCookie: boolean): Promise<JWT | null> {
  // A raw header is parsed as Next's RequestCookies would (the same parser), into the Map getToken accepts.
  const cookies = typeof source.cookies === "string" || source.cookies === null ? parseCookie(source.cookies ?? "") : source.cookies;
  const headers = source.authorization === null ? {} : { authorization: source.authorization };
  return getToken({
    req: { cookies, headers } as unknown as Parameters<typeof getToken>[0]["req"],
    secret,
    secureCookie,
    decode: decodeSessionJwt,
  });
}
