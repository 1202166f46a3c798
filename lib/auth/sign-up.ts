import "server-only";
import { prisma } from "../db";
import { problemsFromZod, type ParameterProblem } from "../http/problems";
import { syncAdminRoleByEmail } from "./admin-role";
import { takeAttempt, type Counter } from "./attempt-limit";
import { signUpSchema } from "./credentials-schema";
import { hashPassword, isEasyToGuess } from "./passwords";

// Sign-up cannot hide whether an email is registered (the form signs a new account in, and an
// existing one cannot be), so probing is slowed instead: every sign-up counts, per email, per
// trusted address and overall (docs/decisions/011-sign-in-limits.md). It also does the same work
// for both, so its answer time does not tell either.
export const MAX_SIGN_UPS = 10;
export const MAX_SIGN_UPS_PER_ADDRESS = 10;
export const MAX_SIGN_UPS_OVERALL = 200;

export function signUpCounters(email: string, address: string | null): Counter[] {
  const counters: Counter[] = [
    { key: `signup:email:${email}`, max: MAX_SIGN_UPS },
    { key: "signup:all", max: MAX_SIGN_UPS_OVERALL },
  ];
  if (address) counters.push({ key: `signup:ip:${address}`, max: MAX_SIGN_UPS_PER_ADDRESS });
  return counters;
}

export type SignUpResult =
  | { ok: true }
  | { ok: false; status: 400; details: ParameterProblem[] }
  | { ok: false; status: 429; retryAfterSeconds: number };

/**
 * Creates an email-and-password account. When the email is already registered the answer is the
 * same { ok: true } and nothing changes: the visitor then signs in, and only the owner of that
 * account can. `address` is the visitor's trusted address (lib/auth/attempt-limit.ts), or null.
 */
export async function signUp(input: unknown, address: string | null = null): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, details: problemsFromZod(parsed.error) };
  const { name, email, password } = parsed.data;
  if (isEasyToGuess(password, [email, email.split("@")[0], name])) {
    return { ok: false, status: 400, details: [{ parameter: "password", message: "is too common or too easy to guess" }] };
  }
  const limit = await takeAttempt(signUpCounters(email, address));
  if (limit.limited) return { ok: false, status: 429, retryAfterSeconds: limit.retryAfterSeconds };
  // The same work whether or not the email is taken: one argon2 hash, then one INSERT … ON
  // CONFLICT DO NOTHING (no lookup first, no failed insert and caught error for a taken email).
  const passwordHash = await hashPassword(password);
  await prisma.user.createMany({ data: [{ name, email, passwordHash }], skipDuplicates: true });
  // The role follows ADMIN_EMAILS from the start; one UPDATE for a new and a taken email alike.
  await syncAdminRoleByEmail(email);
  return { ok: true };
}
