import "server-only";
import { prisma } from "../db";
import { emailSchema } from "./credentials-schema";
import { ATTEMPT_WINDOW_MS, checkAttemptLimit, takeAttempt, type AttemptLimit } from "./attempt-limit";

export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_WINDOW_MS = ATTEMPT_WINDOW_MS;

export type SignInLimit = AttemptLimit;

/** The input of a sign-in attempt: the email when it is one, the address when one is trusted. */
export interface SignInAttemptSource {
  email?: string;
  address: string | null;
}

export function emailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
  return `ip:${address}`;
}

function keysFor({ email, address }: SignInAttemptSource): string[] {
  const keys: string[] = [];
  // Only a well-formed email gets a key: anything else can never sign in, and a stray NUL or a
  // megabyte of text has no place in the table (PostgreSQL refuses NUL in text).
  if (email !== undefined && emailSchema.safeParse(email).success) keys.push(emailKey(email));
  if (address) keys.push(addressKey(address));
  return keys;
}

/** Whether another sign-in may be tried for this email from this address; reads only. */
export async function checkSignInLimit(input: SignInAttemptSource, now: Date = new Date()): Promise<SignInLimit> {
  return checkAttemptLimit(keysFor(input), MAX_FAILED_SIGN_INS, now);
}

/**
 * Starts a sign-in attempt: refused once the email or the address has MAX_FAILED_SIGN_INS
 * failures in the window; otherwise counted as a failure at once, before the password is even
 * looked at, so parallel attempts cannot all slip under the limit. A successful sign-in takes its
 * attempt back (endSuccessfulSignIn).
 */
export async function beginSignInAttempt(input: SignInAttemptSource, now: Date = new Date()): Promise<SignInLimit> {
  return takeAttempt(keysFor(input), MAX_FAILED_SIGN_INS, now);
}

/**
 * After a successful sign-in: the email's failures are forgotten; the address loses only the
 * attempt that just succeeded (one row: which one does not change the count).
 */
export async function endSuccessfulSignIn(input: SignInAttemptSource): Promise<void> {
  const [email, address] = [input.email ? emailKey(input.email) : null, input.address ? addressKey(input.address) : null];
  await prisma.$executeRaw`
    DELETE FROM "SignInAttempt"
    WHERE "key" = ${email}
       OR "id" = (SELECT "id" FROM "SignInAttempt" WHERE "key" = ${address} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1)`;
}
