// Starts the test database once per `npm test`: an embedded PostgreSQL in a fresh temporary
// directory (or a fresh database on TEST_DATABASE_URL's server), migrated by the project's own
// runner and seeded with the whole programme. Never the database `npm start` serves.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { applyMigrations } from "../../prisma/migrate";
import { seedDatabase } from "../../prisma/seed";
import { createPrismaClient } from "../../lib/db";
import { databaseUrl, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

export interface TestDatabaseState {
  dataDir?: string;
  stop?: () => Promise<void>;
  serverUrl: string;
  database: string;
}

declare global {
  var __TEST_DATABASE__: TestDatabaseState | undefined;
}

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let state: TestDatabaseState;
  if (serverUrl) {
    state = { serverUrl, database: `expo_test_${process.pid}` };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "expo-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "db") });
    serverUrl = server.serverUrl;
    state = { dataDir, stop: server.stop, serverUrl, database: "expo_test" };
  }
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${state.database}"`);
  await admin.query(`CREATE DATABASE "${state.database}"`);
  await admin.end();

  const url = databaseUrl(serverUrl, state.database);
  process.env.DATABASE_URL = url;
  process.env.TEST_DATABASE_SERVER_URL = serverUrl;
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  try {
    await seedDatabase(prisma);
  } finally {
    await prisma.$disconnect();
  }
  globalThis.__TEST_DATABASE__ = state;
}
