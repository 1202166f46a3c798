import "server-only";
import { prisma, Prisma } from "../db";
import { getEnv } from "../env";

// Attempts (sign-ins, sign-ups, magic-link requests) are counted in PostgreSQL (SignInAttempt), not
// in memory, so a limit holds across several app instances and restarts. Every limit shares one
// window, so pruning rows older than it never removes a row another limit still counts.
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

// The first key of pg_advisory_xact_lock(int, int): keeps these locks apart from any other
// advisory locks on the same database (the two-key and one-key forms never collide).
const LOCK_NAMESPACE = 20170610;

export type AttemptLimit = { limited: false } | { limited: true; retryAfterSeconds: number };

/** One counter and how many attempts it allows in the window. */
export interface Counter {
  key: string;
  max: number;
}

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Limited once any counter has its `max` attempts in the window; Retry-After is when the max-th
 * newest attempt of a limited counter leaves the window.
 */
async function limitFor(db: Db, counters: Counter[], now: Date): Promise<AttemptLimit> {
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  const keys = counters.map((counter) => counter.key);
  const maxes = counters.map((counter) => counter.max);
  // For each key, its max-th most recent attempt in the window: while that one is inside the
  // window, the key has reached its limit.
  const rows = await db.$queryRaw<{ createdAt: Date }[]>`
    SELECT ranked."createdAt" FROM (
      SELECT "key", "createdAt", row_number() OVER (PARTITION BY "key" ORDER BY "createdAt" DESC) AS position
      FROM "SignInAttempt"
      WHERE "key" = ANY(${keys}) AND "createdAt" > ${since}
    ) ranked
    JOIN unnest(${keys}::text[], ${maxes}::int[]) AS limits(key, max) ON limits.key = ranked."key"
    WHERE ranked.position = limits.max`;
  if (rows.length === 0) return { limited: false };
  const freedAt = Math.max(...rows.map((row) => row.createdAt.getTime() + ATTEMPT_WINDOW_MS));
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)) };
}

function distinct(counters: Counter[]): Counter[] {
  const byKey = new Map<string, Counter>();
  for (const counter of counters) byKey.set(counter.key, counter);
  // Sorted, so two attempts that share keys take their locks in the same order and never deadlock.
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Whether another attempt may be made for these counters; reads only. */
export async function checkAttemptLimit(counters: Counter[], now: Date = new Date()): Promise<AttemptLimit> {
  if (counters.length === 0) return { limited: false };
  return limitFor(prisma, distinct(counters), now);
}

/**
 * Checks the limits and, when none is reached, counts one attempt against every counter, as one
 * step: a transaction-scoped advisory lock per key makes parallel attempts for the same key wait
 * for each other, so a burst cannot all pass the check before any of them is counted. A refused
 * attempt is not counted (it would only push the end of the lock-out further away).
 */
export async function takeAttempt(counters: Counter[], now: Date = new Date()): Promise<AttemptLimit> {
  const sorted = distinct(counters);
  if (sorted.length === 0) return { limited: false };
  const keys = sorted.map((counter) => counter.key);
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${Prisma.raw(String(LOCK_NAMESPACE))}, hashtext(k)) FROM unnest(${keys}::text[]) AS k`;
      const limit = await limitFor(tx, sorted, now);
      if (limit.limited) return limit;
      await tx.signInAttempt.createMany({ data: keys.map((key) => ({ key, createdAt: now })) });
      await tx.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - ATTEMPT_WINDOW_MS) } } });
      return limit;
    },
    // Waiting for the lock is part of the attempt; a burst queues briefly rather than failing.
    { maxWait: 5_000, timeout: 10_000 },
  );
}

/** Takes back one counted attempt of each key (the newest; which one does not change a count). */
export async function returnAttempt(keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await prisma.$executeRaw`
    DELETE FROM "SignInAttempt" WHERE "id" IN (
      SELECT DISTINCT ON ("key") "id" FROM "SignInAttempt"
      WHERE "key" = ANY(${keys}) ORDER BY "key", "createdAt" DESC, "id" DESC)`;
}

// The visitor's address. A route handler cannot see the socket's address, so the only source is
// X-Forwarded-For, and only when TRUST_PROXY says a reverse proxy sets it: without one, any client
// could send a different value with every attempt, or everybody would share one "unknown" address.
// With no trusted address the limits count per account and overall only
// (docs/decisions/011-sign-in-limits.md).
export type HeaderReader = (name: string) => string | null | undefined;

/** The first X-Forwarded-For entry when TRUST_PROXY is on; otherwise null (no reliable address). */
export function clientAddress(readHeader: HeaderReader, trustProxy: boolean = getEnv().TRUST_PROXY): string | null {
  if (!trustProxy) return null;
  const forwarded = readHeader("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded ? forwarded.slice(0, 100) : null;
}

/** Reads either a Fetch `Headers` or the plain object next-auth passes to `authorize`. */
export function headerReader(headers: Headers | Record<string, unknown> | undefined): HeaderReader {
  if (!headers) return () => undefined;
  if (headers instanceof Headers) return (name) => headers.get(name);
  return (name) => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
  };
}
