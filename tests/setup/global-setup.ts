// Starts the test database once per `npm test`: an embedded PostgreSQL in a fresh temporary
// directory (or TEST_DATABASE_URL's server), with a template database migrated by the project's own
// runner and seeded with the whole programme. Each jest worker then works in its own copy of the
// template (tests/setup/worker-database.ts), so test files run in parallel without sharing data.
// Never the database `npm start` serves.
import { applyMigrations } from "../../prisma/migrate";
import { seedDatabase } from "../../prisma/seed";
import { createPrismaClient } from "../../lib/db";
import { createDatabase, openScratchServer, uniqueDatabaseName } from "../../scripts/lib/database-lifecycle";

export interface TestDatabaseState {
  serverUrl: string;
  /** Every database of this run (template and worker copies) starts with it. */
  prefix: string;
  stop: () => Promise<void>;
  embedded: boolean;
}

declare global {
  var __TEST_DATABASE__: TestDatabaseState | undefined;
}

export default async function globalSetup(): Promise<void> {
  const server = await openScratchServer({ purpose: "test" });
  const prefix = uniqueDatabaseName("expo_test");
  const template = `${prefix}_template`;
  const url = await createDatabase(server.serverUrl, template);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  try {
    await seedDatabase(prisma);
  } finally {
    // CREATE DATABASE … TEMPLATE needs the template to have no connections left.
    await prisma.$disconnect();
  }
  // Read by the workers, which jest starts after this with a copy of this environment.
  process.env.TEST_DATABASE_SERVER_URL = server.serverUrl;
  process.env.TEST_DATABASE_PREFIX = prefix;
  process.env.TEST_DATABASE_TEMPLATE = template;
  process.env.DATABASE_URL = url;
  globalThis.__TEST_DATABASE__ = { serverUrl: server.serverUrl, prefix, stop: server.stop, embedded: server.embedded };
}
