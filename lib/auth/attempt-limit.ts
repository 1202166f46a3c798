import "server-only";
import { prisma, Prisma } from "../db";

// Attempts (failed sign-ins, sign-ups) are counted in PostgreSQL (SignInAttempt), not in memory, so
// a limit holds across several app instances and restarts. Every limit shares one window, so
// pruning rows older than it never removes a row another limit still counts.
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

// The first key of pg_advisory_xact_lock(int, int): keeps these locks apart from any other
// advisory locks on the same database (the two-key and one-key forms never collide).
const LOCK_NAMESPACE = 20170610;

export type AttemptLimit = { limited: false } | { limited: true; retryAfterSeconds: number };

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Limited once any key has `max` attempts in the window; Retry-After is when the max-th newest
 * attempt of a limited key leaves the window.
 */
async function limitFor(db: Db, keys: string[], max: number, now: Date): Promise<AttemptLimit> {
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  // For each key, the max-th most recent attempt in the window: while it is inside the window,
  // that key has reached the limit.
  const rows = await db.$queryRaw<{ createdAt: Date }[]>`
    SELECT "createdAt" FROM (
      SELECT "createdAt", row_number() OVER (PARTITION BY "key" ORDER BY "createdAt" DESC) AS position
      FROM "SignInAttempt"
      WHERE "key" = ANY(${keys}) AND "createdAt" > ${since}
    ) ranked
    WHERE position = ${max}`;
  if (rows.length === 0) return { limited: false };
  const freedAt = Math.max(...rows.map((row) => row.createdAt.getTime() + ATTEMPT_WINDOW_MS));
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)) };
}

/** Whether another attempt may be made for these keys; reads only. */
export async function checkAttemptLimit(keys: string[], max: number, now: Date = new Date()): Promise<AttemptLimit> {
  if (keys.length === 0) return { limited: false };
  return limitFor(prisma, keys, max, now);
}

/**
 * Checks the limit and, when it is not reached, counts one attempt against every key, as one step:
 * a transaction-scoped advisory lock per key makes parallel attempts for the same key wait for
 * each other, so a burst cannot all pass the check before any of them is counted. A refused
 * attempt is not counted (it would only push the end of the lock-out further away).
 */
export async function takeAttempt(keys: string[], max: number, now: Date = new Date()): Promise<AttemptLimit> {
  // Sorted, so two attempts that share keys take their locks in the same order and never deadlock.
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return { limited: false };
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${Prisma.raw(String(LOCK_NAMESPACE))}, hashtext(k)) FROM unnest(${sorted}::text[]) AS k`;
      const limit = await limitFor(tx, sorted, max, now);
      if (limit.limited) return limit;
      await tx.signInAttempt.createMany({ data: sorted.map((key) => ({ key, createdAt: now })) });
      await tx.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - ATTEMPT_WINDOW_MS) } } });
      return limit;
    },
    // Waiting for the lock is part of the attempt; a burst queues briefly rather than failing.
    { maxWait: 5_000, timeout: 10_000 },
  );
}
