import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { prisma } from "../db";
import { signInSchema } from "./credentials-schema";
import type { SessionUser } from "./session";
import { endSuccessfulSignIn, signInSourceFrom } from "./sign-in-limit";

// Passwords: hashing, the credentials check next-auth calls, and refusing easy ones at sign-up.
// @node-rs/argon2 defaults to argon2id with OWASP's minimum parameters (19 MiB, 2 passes).

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/** True when the password matches; a missing hash still costs one verification. */
export async function verifyPassword(password: string, passwordHash: string | null | undefined): Promise<boolean> {
  if (!passwordHash) {
    decoyHash ??= hash("decoy password that matches nothing");
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed sign-in, not a crash.
    return false;
  }
}

// zxcvbn-ts with its maintained list of common passwords, keyboard patterns and repeats (not a
// list of our own). Score 3 is "safely unguessable: moderate protection from offline attacks";
// below it are "password12", "qwertyuiop", "iloveyou12" and ten spaces.
const MIN_PASSWORD_SCORE = 3;
let estimator: ZxcvbnFactory | undefined;

/** True when the password is common or follows a pattern guessed early (zxcvbn score below 3). */
export function isEasyToGuess(password: string, userInputs: string[] = []): boolean {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password, userInputs).score < MIN_PASSWORD_SCORE;
}

/**
 * next-auth's credentials check, given exactly the body next-auth parsed. Returns the user, or null
 * for every kind of failure (unknown email, wrong password, account without a password) so the
 * answer never tells which. The attempt was already counted as a failure by
 * app/api/auth/[...nextauth]/route.ts before next-auth called this (lib/auth/sign-in-limit.ts);
 * a success takes it back.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  headers: Headers | Record<string, unknown> | undefined,
): Promise<(SessionUser & { sessionVersion: number }) | null> {
  const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true },
  });
  const matches = await verifyPassword(password, user?.passwordHash);
  if (!user || !matches) return null;
  await endSuccessfulSignIn(signInSourceFrom(credentials, headers));
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
