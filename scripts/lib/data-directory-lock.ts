// One server per data directory: `npm start` and `npm run dev` claim .data/postgres before starting
// PostgreSQL there. Kept apart from embedded-postgres.ts (an ES module jest cannot load) so it is testable.
import fs from "node:fs";
import path from "node:path";
import { StartupError } from "./startup-error";

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

/** Its message is the one line start-up prints (a StartupError). */
export class DataDirectoryBusyError extends StartupError {}

/** True when the process is a PostgreSQL server on this data directory (not a reused process id). */
function isPostgresOn(pid: number, dataDir: string): boolean {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return args.some((arg) => path.basename(arg) === "postgres") && args.includes(dataDir);
  } catch {
    return false;
  }
}

function busy(dataDir: string, owner: number): DataDirectoryBusyError {
  return new DataDirectoryBusyError(
    `The database in ${dataDir} is already in use by another process (pid ${owner}), probably another \`npm start\` or \`npm run dev\`. Stop it first.`,
  );
}

/**
 * The owner file names the Node process that started the server on this data directory. A live
 * owner means a second `npm start`: refuse. A dead owner with a live postmaster means the first
 * was killed hard and left PostgreSQL orphaned: shut that server down cleanly and take over. A
 * postmaster.pid naming some other process (its id reused after a reboot) is only a stale file.
 */
export async function claimDataDirectory(dataDir: string): Promise<string> {
  const ownerFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.owner`);
  const owner = readPid(ownerFile);
  if (owner !== null && owner !== process.pid && pidIsAlive(owner)) throw busy(dataDir, owner);
  const postmasterFile = path.join(dataDir, "postmaster.pid");
  const postmaster = readPid(postmasterFile);
  if (postmaster !== null && isPostgresOn(postmaster, dataDir)) {
    process.kill(postmaster, "SIGINT");
    if (!(await waitUntilDead(postmaster, 30_000))) {
      throw new DataDirectoryBusyError(`A PostgreSQL server (pid ${postmaster}) left on ${dataDir} did not shut down.`);
    }
  } else if (postmaster !== null) {
    fs.rmSync(postmasterFile, { force: true });
  }
  fs.mkdirSync(path.dirname(ownerFile), { recursive: true });
  fs.rmSync(ownerFile, { force: true });
  try {
    // "wx": of two starts racing past the checks above, only one creates the file.
    fs.writeFileSync(ownerFile, `${process.pid}\n`, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw busy(dataDir, readPid(ownerFile) ?? 0);
    throw error;
  }
  return ownerFile;
}
