// Shared by integration tests: the seeded programme stays; what tests create is removed between them.
import { prisma } from "../../lib/db";

/** Removes every user and what hangs off users (saves, feed tokens, sessions, sign-in attempts). */
export async function resetUserData(): Promise<void> {
  await prisma.$executeRawUnsafe(
    `TRUNCATE "User", "Account", "Session", "VerificationToken", "SavedEvent", "CalendarFeedToken", "SignInAttempt" RESTART IDENTITY CASCADE`,
  );
}

export const TEST_EVENT_SLUG_PREFIX = "test-";

/** Removes events a test created (their slugs start with "test-"). */
export async function resetTestEvents(): Promise<void> {
  await prisma.event.deleteMany({ where: { slug: { startsWith: TEST_EVENT_SLUG_PREFIX } } });
}
