import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";
import { onShutdown } from "./graceful-shutdown";

// One client per process: Next's dev server re-evaluates modules on every change, so the client is
// parked on globalThis instead of opening a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// A database that does not answer must become an error (503 from /api/health) within seconds,
// not a request that hangs until the client gives up.
const CONNECTION_TIMEOUT_MS = 5_000;

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS }),
  });
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

export type { PrismaClient };
export { Prisma } from "./generated/prisma/client";
