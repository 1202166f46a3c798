// The database behind `npm start`, `npm run dev` and `npm run test:e2e`: the server named by
// DATABASE_URL when it is set, else an embedded PostgreSQL of our own. Either way it is migrated,
// and seeded when it holds no events.
import path from "node:path";
import { Client } from "pg";
import { applyMigrations } from "../../prisma/migrate";
import { createPrismaClient } from "../../lib/db";
import { seedDatabase } from "../../prisma/seed";
import { databaseUrl, startEmbeddedPostgres } from "./embedded-postgres";

export const DATA_DIR = path.join(__dirname, "..", "..", ".data");

export interface LocalDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

async function ensureDatabaseExists(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function openLocalDatabase(options: {
  dataDir?: string;
  database?: string;
  log: (line: string) => void;
}): Promise<LocalDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    options.log(`Using the PostgreSQL server named by DATABASE_URL`);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  const dataDir = options.dataDir ?? path.join(DATA_DIR, "postgres");
  const server = await startEmbeddedPostgres({ dataDir, log: options.log });
  const database = options.database ?? "expo";
  try {
    await ensureDatabaseExists(server.serverUrl, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  options.log(`Embedded PostgreSQL on port ${server.port} (data in ${path.relative(process.cwd(), dataDir) || dataDir})`);
  return { url: databaseUrl(server.serverUrl, database), embedded: true, stop: server.stop };
}

/** Migrates, then seeds when the programme is empty. */
export async function prepareDatabase(url: string, log: (line: string) => void): Promise<void> {
  const result = await applyMigrations(url, { log });
  log(`Migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
  const prisma = createPrismaClient(url);
  try {
    if ((await prisma.event.count()) === 0) {
      log("The database holds no events: seeding the EXPO 2017 programme");
      await seedDatabase(prisma, { log });
    }
  } finally {
    await prisma.$disconnect();
  }
}
