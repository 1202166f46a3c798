import "server-only";
import { prisma } from "../db";

// Failed sign-ins are counted in PostgreSQL (SignInAttempt), not in memory, so the limit holds
// across several app instances and restarts.
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export function emailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
  return `ip:${address}`;
}

export type SignInLimit = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Whether another sign-in may be tried for this email (if known) from this address. Limited once
 * either key has MAX_FAILED_SIGN_INS failures in the window; Retry-After is when the oldest of
 * those that matter leaves the window.
 */
export async function checkSignInLimit(
  input: { email?: string; address: string },
  now: Date = new Date(),
): Promise<SignInLimit> {
  const keys = [addressKey(input.address)];
  if (input.email) keys.push(emailKey(input.email));
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  // For each key, the MAX_FAILED_SIGN_INS-th most recent failure in the window: while it is inside
  // the window, that key has reached the limit.
  const rows = await prisma.$queryRaw<{ key: string; createdAt: Date }[]>`
    SELECT "key", "createdAt" FROM (
      SELECT "key", "createdAt",
             row_number() OVER (PARTITION BY "key" ORDER BY "createdAt" DESC) AS position
      FROM "SignInAttempt"
      WHERE "key" = ANY(${keys}) AND "createdAt" > ${since}
    ) ranked
    WHERE position = ${MAX_FAILED_SIGN_INS}`;
  if (rows.length === 0) return { limited: false };
  const freedAt = Math.max(...rows.map((row) => row.createdAt.getTime() + SIGN_IN_WINDOW_MS));
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)) };
}

/** Counts one failed sign-in against the email and the address; forgets failures older than the window. */
export async function recordFailedSignIn(input: { email?: string; address: string }, now: Date = new Date()): Promise<void> {
  const keys = [addressKey(input.address)];
  if (input.email) keys.push(emailKey(input.email));
  await prisma.$transaction([
    prisma.signInAttempt.createMany({ data: keys.map((key) => ({ key, createdAt: now })) }),
    prisma.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } } }),
  ]);
}

/** A successful sign-in clears the email's failures (the address keeps its count). */
export async function clearFailedSignIns(email: string): Promise<void> {
  await prisma.signInAttempt.deleteMany({ where: { key: emailKey(email) } });
}
