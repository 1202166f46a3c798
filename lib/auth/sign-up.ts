import "server-only";
import { syncAdminRole } from "../admin/admin-role";
import { Prisma, prisma } from "../db";
import { problemsFromZod, type ParameterProblem } from "../schedule/event-filters";
import { takeAttempt } from "./attempt-limit";
import { signUpSchema } from "./credentials-schema";
import { hashPassword } from "./password";

// Sign-up cannot hide whether an email is registered (the form signs a new account in, and an
// existing one cannot be), so probing is slowed instead: every sign-up counts, per email and per
// trusted address (docs/decisions/005-accounts-and-itineraries.md).
export const MAX_SIGN_UPS = 10;

export function signUpKeys(email: string, address: string | null): string[] {
  return [`signup:email:${email}`, ...(address ? [`signup:ip:${address}`] : [])];
}

export type SignUpResult =
  | { ok: true }
  | { ok: false; status: 400; details: ParameterProblem[] }
  | { ok: false; status: 429; retryAfterSeconds: number };

/**
 * Creates an email-and-password account. When the email is already registered the answer is the
 * same { ok: true } and nothing changes: the visitor then signs in, and only the owner of that
 * account can. `address` is the visitor's trusted address (lib/auth/client-address.ts), or null.
 */
export async function signUp(input: unknown, address: string | null = null): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, details: problemsFromZod(parsed.error) };
  const { name, email, password } = parsed.data;
  const limit = await takeAttempt(signUpKeys(email, address), MAX_SIGN_UPS);
  if (limit.limited) return { ok: false, status: 429, retryAfterSeconds: limit.retryAfterSeconds };
  // Hashed before looking the email up, so both answers take as long.
  const passwordHash = await hashPassword(password);
  try {
    const created = await prisma.user.create({ data: { name, email, passwordHash }, select: { id: true } });
    await syncAdminRole(created.id, email);
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  return { ok: true };
}
