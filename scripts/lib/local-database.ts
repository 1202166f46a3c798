// The database behind `npm start`, `npm run dev` and `npm run test:e2e`: the server named by
// DATABASE_URL when it is set, else an embedded PostgreSQL of our own. Either way it is migrated,
// and seeded when it holds no events.
import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "../../prisma/migrate";
import { createPrismaClient } from "../../lib/db";
import { seedDatabase } from "../../prisma/seed";
import { ensureDatabase } from "./database-lifecycle";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { rootServerHome } from "./postgres-home";

export const DATA_DIR = path.join(__dirname, "..", "..", ".data");

export interface LocalDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** EXPO_POSTGRES_DATA, else `.data/postgres`, or as root the project's folder outside the tree that `postgres` can reach. */
function defaultDataDir(): string {
  if (process.env.EXPO_POSTGRES_DATA) return path.resolve(process.env.EXPO_POSTGRES_DATA);
  const home = rootServerHome();
  return home === null ? path.join(DATA_DIR, "postgres") : path.join(home, "postgres");
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
  const dataDir = options.dataDir ?? defaultDataDir();
  if (!options.dataDir && !process.env.EXPO_POSTGRES_DATA && rootServerHome() !== null && !fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    options.log(`Running as root: PostgreSQL runs as the \`postgres\` user, which may not enter this project's folder, so its data lives in ${dataDir}`);
  }
  const server = await startEmbeddedPostgres({ dataDir, log: options.log });
  let url: string;
  try {
    url = await ensureDatabase(server.serverUrl, options.database ?? "expo");
  } catch (error) {
    await server.stop();
    throw error;
  }
  const shown = dataDir.startsWith(`${process.cwd()}${path.sep}`) ? path.relative(process.cwd(), dataDir) : dataDir;
  options.log(`Embedded PostgreSQL on port ${server.port} (data in ${shown})`);
  return { url, embedded: true, stop: server.stop };
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
