// The one place databases are created and dropped, for scripts (npm start, test:e2e, bench) and
// tests (jest's global set-up, its per-worker copies, scratch databases). Kept free of Prisma and
// of ES-module packages so jest can load it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { claimDataDirectory } from "./data-directory-lock";
import { databaseUrl } from "./database-url";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { makeScratchDataDir } from "./postgres-home";

export { databaseUrl };

export interface ScratchServer {
  /** postgresql://… URL of a database on which this role may create and drop databases. */
  serverUrl: string;
  /** True for our own embedded server, false for TEST_DATABASE_URL's. */
  embedded: boolean;
  /** Stops the embedded server and removes its folder; a no-op for TEST_DATABASE_URL's server. */
  stop(): Promise<void>;
}

/**
 * A server for throwaway databases: TEST_DATABASE_URL's when set, else an embedded PostgreSQL in a
 * fresh folder of its own (never the data `npm start` serves).
 */
export async function openScratchServer(options: { purpose: string; log?: (line: string) => void }): Promise<ScratchServer> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return { serverUrl: configured, embedded: false, stop: async () => {} };
  const prefix = `expo-${options.purpose}-pg-`;
  const dataDir = makeScratchDataDir(prefix);
  await removeAbandonedScratchFolders(path.dirname(dataDir), prefix);
  try {
    const server = await startEmbeddedPostgres({ dataDir, log: options.log });
    return {
      serverUrl: server.serverUrl,
      embedded: true,
      async stop() {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Folders of earlier runs whose process died before cleaning up (killed, or Ctrl-C during npm test):
 * claiming one shuts down a server left running on it and fails while its run is alive.
 */
async function removeAbandonedScratchFolders(parent: string, prefix: string): Promise<void> {
  const owners = fs.readdirSync(parent).filter((entry) => entry.startsWith(prefix) && entry.endsWith(".owner"));
  for (const owner of owners) {
    const dataDir = path.join(parent, owner.slice(0, -".owner".length));
    try {
      await claimDataDirectory(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(`${dataDir}.owner`, { force: true });
    } catch {
      // Still in use, or another user's: not ours to remove.
    }
  }
}

async function onServer<T>(serverUrl: string, action: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A database name no other run will pick: prefix plus random hex. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString("hex")}`;
}

/** Creates the database (empty, or a copy of `template`) and returns its URL. */
export async function createDatabase(serverUrl: string, name: string, options: { template?: string } = {}): Promise<string> {
  const template = options.template ? ` TEMPLATE ${quote(options.template)}` : "";
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${quote(name)}${template}`));
  return databaseUrl(serverUrl, name);
}

/** Creates the database unless it exists; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string, options: { template?: string } = {}): Promise<string> {
  const exists = await onServer(serverUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return Boolean(rowCount);
  });
  if (!exists) {
    try {
      await createDatabase(serverUrl, name, options);
    } catch (error) {
      // Another process created it between the check and here: fine, it exists.
      if ((error as { code?: string }).code !== "42P04") throw error;
    }
  }
  return databaseUrl(serverUrl, name);
}

/** Drops the database, disconnecting whoever is still connected. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
}

/** Drops every database whose name starts with `prefix` (a run's template and worker copies). */
export async function dropDatabasesStartingWith(serverUrl: string, prefix: string): Promise<void> {
  const names = await onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    return rows.map((row) => row.datname);
  });
  // DROP DATABASE takes one name and cannot run inside a transaction: one statement per database.
  for (const name of names) await dropDatabase(serverUrl, name);
}
