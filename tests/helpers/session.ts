// Real users and real session cookies for integration tests: the cookie is the same encrypted JWT
// next-auth sets after sign-in, so route handlers are exercised exactly as in the browser.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { prisma } from "../../lib/db";
import { DEVELOPMENT_ONLY_SECRET, sessionCookieName } from "../../lib/auth/secret";

// Same fallback as lib/auth/secret.ts, so the cookie matches whichever module reads the env first.
process.env.NEXTAUTH_SECRET ||= DEVELOPMENT_ONLY_SECRET;

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: "VISITOR" | "ADMIN";
}

export async function createTestUser(
  overrides: { email?: string; name?: string; role?: "VISITOR" | "ADMIN"; passwordHash?: string | null } = {},
): Promise<TestUser> {
  const suffix = randomUUID().slice(0, 8);
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `visitor-${suffix}@example.test`,
      name: overrides.name ?? `Visitor ${suffix}`,
      role: overrides.role ?? "VISITOR",
      passwordHash: overrides.passwordHash ?? null,
    },
    select: { id: true, email: true, name: true, role: true },
  });
  return { id: user.id, email: user.email ?? "", name: user.name ?? "", role: user.role };
}

/** A `Cookie` header value carrying a valid next-auth session for the user. */
export async function sessionCookieFor(user: {
  id: string;
  email?: string | null;
  name?: string | null;
  role?: "VISITOR" | "ADMIN";
}): Promise<string> {
  const token = await encode({
    token: { sub: user.id, email: user.email ?? null, name: user.name ?? null, role: user.role ?? "VISITOR" },
    secret: process.env.NEXTAUTH_SECRET as string,
  });
  return `${sessionCookieName()}=${token}`;
}
