// Applies prisma/migrations the way `prisma migrate deploy` does, without Prisma's native schema
// engine (which cannot be downloaded here): see docs/decisions/001-migration-runner.md.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";

export const MIGRATIONS_DIR = path.join(__dirname, "migrations");

// Prisma's own advisory lock key, so this runner and `prisma migrate deploy` also exclude each other.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {}

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

/** Migration folders in name order (names start with a UTC timestamp, so name order is time order). */
export function readMigrations(dir: string = MIGRATIONS_DIR): LocalMigration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!fs.existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql`);
      const bytes = fs.readFileSync(file);
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export async function applyMigrations(
  databaseUrl: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrationResult> {
  const migrations = readMigrations(options.dir);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      return await applyLocked(client, migrations, options.log ?? (() => {}));
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyLocked(
  client: Client,
  migrations: LocalMigration[],
  log: (line: string) => void,
): Promise<MigrationResult> {
  await client.query(CREATE_MIGRATIONS_TABLE);
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} started but never finished; fix the database and mark it rolled back before migrating again.`,
    );
  }
  const appliedByName = new Map(live.map((row) => [row.migration_name, row]));
  const result: MigrationResult = { applied: [], alreadyApplied: [] };

  // Check every applied file before running anything, so an edited history changes nothing.
  for (const migration of migrations) {
    const applied = appliedByName.get(migration.name);
    if (applied && applied.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was edited after it was applied (checksum ${migration.checksum} differs from the recorded ${applied.checksum}). Restore the file and put the change in a new migration.`,
      );
    }
  }

  for (const migration of migrations) {
    if (appliedByName.has(migration.name)) {
      result.alreadyApplied.push(migration.name);
      continue;
    }
    const id = randomUUID();
    await client.query("BEGIN");
    try {
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, migration.checksum, migration.name],
      );
      await client.query(migration.sql);
      await client.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
    }
    log(`Applied migration ${migration.name}`);
    result.applied.push(migration.name);
  }
  return result;
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: name the database to migrate (npm start migrates its own).");
    process.exit(1);
  }
  applyMigrations(url, { log: console.log }).then(
    (result) => console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
