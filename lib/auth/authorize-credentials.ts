import "server-only";
import { prisma } from "../db";
import { clientAddress, type HeaderReader } from "./client-address";
import { signInSchema } from "./credentials-schema";
import { verifyPassword } from "./password";
import type { SessionUser } from "./session-user";
import { endSuccessfulSignIn } from "./sign-in-limit";

/**
 * next-auth's credentials check. Returns the user, or null for every kind of failure (unknown email,
 * wrong password, account without a password) so the answer never tells which. The attempt was
 * already counted as a failure by app/api/auth/[...nextauth]/route.ts before next-auth called this
 * (lib/auth/credentials-sign-in-gate.ts); a success takes it back.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  readHeader: HeaderReader,
): Promise<SessionUser | null> {
  const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const matches = await verifyPassword(password, user?.passwordHash);
  if (!user || !matches) return null;
  await endSuccessfulSignIn({ email, address: clientAddress(readHeader) });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
