import "server-only";
import { Prisma, prisma } from "../db";
import { problemsFromZod, type ParameterProblem } from "../schedule/event-filters";
import { signUpSchema } from "./credentials-schema";
import { hashPassword } from "./password";

export type SignUpResult = { ok: true } | { ok: false; details: ParameterProblem[] };

/**
 * Creates an email-and-password account. When the email is already registered the answer is the
 * same { ok: true } and nothing changes: the visitor then signs in, and only the owner of that
 * account can (docs/decisions/005-accounts-and-itineraries.md).
 */
export async function signUp(input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, details: problemsFromZod(parsed.error) };
  const { name, email, password } = parsed.data;
  // Hashed before looking the email up, so both answers take as long.
  const passwordHash = await hashPassword(password);
  try {
    await prisma.user.create({ data: { name, email, passwordHash }, select: { id: true } });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  return { ok: true };
}
