import "server-only";
import { prisma } from "../db";
import { clientAddress, type HeaderReader } from "./client-address";
import { signInSchema } from "./credentials-schema";
import { verifyPassword } from "./password";
import type { SessionUser } from "./session-user";
import { clearFailedSignIns, recordFailedSignIn } from "./sign-in-limit";

/**
 * next-auth's credentials check. Returns the user, or null for every kind of failure (unknown email,
 * wrong password, account without a password) so the answer never tells which; each failure is
 * counted for the rate limit that app/api/auth/[...nextauth]/route.ts enforces.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  readHeader: HeaderReader,
): Promise<SessionUser | null> {
  const address = clientAddress(readHeader);
  const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
  if (!parsed.success) {
    const email = typeof credentials?.email === "string" && credentials.email.trim() ? credentials.email : undefined;
    await recordFailedSignIn({ email, address });
    return null;
  }
  const { email, password } = parsed.data;
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const matches = await verifyPassword(password, user?.passwordHash);
  if (!user || !matches) {
    await recordFailedSignIn({ email, address });
    return null;
  }
  await clearFailedSignIns(email);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
