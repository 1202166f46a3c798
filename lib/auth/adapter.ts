import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { prisma } from "../db";

/**
 * A password set before anyone proved they own the email is dropped when the owner proves it.
 * Otherwise someone could sign up with another person's email and a password of their own, wait
 * for that person to sign in by magic link (which next-auth links to the existing account by
 * email), and keep signing in with the password. Returns whether a password was dropped.
 */
export async function dropUnprovenPassword(userId: string): Promise<boolean> {
  const { count } = await prisma.user.updateMany({
    where: { id: userId, emailVerified: null, passwordHash: { not: null } },
    data: { passwordHash: null },
  });
  return count > 0;
}

/**
 * The Prisma adapter, except that setting emailVerified first drops an unproven password.
 * next-auth sets emailVerified only through `updateUser`, and only after a magic-link token was
 * used (core/lib/callback-handler.js), so this runs exactly when ownership of the email is proven.
 */
export function expoAdapter(): Adapter {
  // The adapter is typed against the default @prisma/client; ours is generated to lib/generated
  // with the same models, which is all the adapter touches.
  const base = PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    async updateUser(user: Partial<AdapterUser> & Pick<AdapterUser, "id">): Promise<AdapterUser> {
      if (user.emailVerified) await dropUnprovenPassword(user.id);
      return base.updateUser!(user);
    },
  };
}
