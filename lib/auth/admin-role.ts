import "server-only";
import { prisma } from "../db";
import { getEnv } from "../env";

// The admin role follows ADMIN_EMAILS at sign-up and at every sign-in, so removing an address from
// the list takes the role away at that account's next sign-in (sessions read the role from the
// database on every request, lib/auth/session.ts).

export function isAdminEmail(email: string | null | undefined, adminEmails: readonly string[] = getEnv().ADMIN_EMAILS): boolean {
  return !!email && adminEmails.includes(email.trim().toLowerCase());
}

/** Sets the account's role from ADMIN_EMAILS; returns the role it now has. */
export async function syncAdminRole(userId: string, email: string | null | undefined): Promise<"ADMIN" | "VISITOR"> {
  const role = isAdminEmail(email) ? "ADMIN" : "VISITOR";
  await prisma.user.updateMany({ where: { id: userId, role: { not: role } }, data: { role } });
  return role;
}

/** The same for an account known only by its email (sign-up, where the create may have been refused). */
export async function syncAdminRoleByEmail(email: string): Promise<void> {
  const role = isAdminEmail(email) ? "ADMIN" : "VISITOR";
  await prisma.user.updateMany({ where: { email, role: { not: role } }, data: { role } });
}
