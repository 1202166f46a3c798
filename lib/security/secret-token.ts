// Secrets that live in URLs (private calendar feeds, shared itineraries): 256 random bits as
// base64url, only their SHA-256 stored, compared in constant time, so a leaked database row cannot
// be turned back into a working URL. One scheme for every such link.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const TOKEN_BYTES = 32;
/** base64url of 32 bytes: 43 characters. Anything else cannot be a token and is a 404 at once. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateSecretToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function isWellFormedSecretToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** Hex SHA-256, the only form of the token that is stored. */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function secretTokenHashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
