import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";
import { onShutdown } from "./graceful-shutdown";

// One client per process: Next's dev server re-evaluates modules on every change, so the client is
// parked on globalThis instead of opening a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// A database that does not answer must become an error (503 from /api/health) within seconds,
// not a request that hangs until the client gives up.
const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * @prisma/adapter-pg's factory, remembering the pg Pool of the connection Prisma has open, so one
 * hot statement can run on those same connections without Prisma's query path
 * (lib/itinerary/itinerary-rows.ts, docs/decisions/025-itinerary-at-scale.md). The pool stays the
 * adapter's: made, used and ended by Prisma as before.
 */
class PrismaPgSharingPool extends PrismaPg {
  pool: pg.Pool | null = null;

  override async connect(): ReturnType<PrismaPg["connect"]> {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    this.pool = pool;
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (this.pool === pool) this.pool = null;
      return dispose();
    };
    return adapter;
  }
}

// Kept on the client itself under a registered symbol: the bundler gives instrumentation and each
// route a copy of this module, and any copy may have made the client parked on globalThis.
const ADAPTER = Symbol.for("expo.prismaPgAdapter");

export function createPrismaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPgSharingPool({ connectionString, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS });
  const client = new PrismaClient({ adapter });
  Object.defineProperty(client, ADAPTER, { value: adapter });
  return client;
}

function getPrisma(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const client = createPrismaClient(getEnv().DATABASE_URL);
    globalForPrisma.prisma = client;
    // SIGTERM: the pool closes after the last in-flight request (lib/graceful-shutdown.ts).
    onShutdown(() => client.$disconnect());
  }
  return globalForPrisma.prisma;
}

// Created on first use, so importing this module never needs DATABASE_URL (tests and scripts set it first).
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * The pg Pool of the one Prisma client's open connection, for the one statement that bypasses
 * Prisma's query path (GET /api/itinerary's read, decision 025). Null until Prisma has connected
 * and after $disconnect: the caller then goes through `prisma`, which connects again. Nothing else
 * should use it: every other query goes through Prisma.
 */
export function prismaPool(): pg.Pool | null {
  const adapter = (getPrisma() as unknown as Record<symbol, { pool: pg.Pool | null } | undefined>)[ADAPTER];
  const pool = adapter?.pool ?? null;
  return pool && !pool.ending ? pool : null;
}

export type { PrismaClient };
export { Prisma } from "./generated/prisma/client";
