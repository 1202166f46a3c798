// `npm run test:e2e`: a fresh database (embedded, in a temporary folder, or a new database on
// TEST_DATABASE_URL's server), a production build in its own folder, `next start` on a free port,
// then Playwright in Debian's Chromium. Extra arguments go to `playwright test`.
// E2E_SKIP_BUILD=1 reuses the last e2e build (for iterating on tests only).
// Ctrl-C (or SIGTERM) stops whatever runs and still removes the database and its folder.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { checkInstall } from "./lib/preflight";

const root = path.join(__dirname, "..");
const log = (line: string) => console.log(`[e2e] ${line}`);

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];
let interrupted = false;

/** Runs a child to its end; resolves with its exit status (1 when it could not start). */
function run(command: string, args: string[], options: SpawnOptions): { child: ChildProcess; done: Promise<number> } {
  const child = spawn(command, args, { stdio: "inherit", cwd: root, ...options });
  children.add(child);
  const done = new Promise<number>((resolve) => {
    child.once("error", (error) => {
      console.error(`[e2e] ${path.basename(command)} could not be started (${error.message})`);
      resolve(1);
    });
    child.once("close", (code) => resolve(code ?? 1));
  }).finally(() => children.delete(child));
  return { child, done };
}

async function stopChildren(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("close", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
}

async function cleanUp(): Promise<void> {
  await stopChildren();
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`[e2e] clean-up: ${(error as Error).message}`);
    }
  }
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !interrupted) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!interrupted) throw new Error("the app did not become healthy within 2 minutes");
}

async function main(): Promise<number> {
  checkInstall("e2e");
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    console.error(`[e2e] No Chromium at ${chromium}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
    return 1;
  }
  const { createDatabase, dropDatabase, openScratchServer, uniqueDatabaseName } = await import("./lib/database-lifecycle");
  const { prepareDatabase } = await import("./lib/local-database");
  const { findFreePort } = await import("./lib/ports");
  const { nextBin, nextStartArgs } = await import("./lib/next-start");

  const server = await openScratchServer({ purpose: "e2e", log });
  cleanups.push(server.stop);
  const name = uniqueDatabaseName("expo_e2e");
  const url = await createDatabase(server.serverUrl, name);
  // An embedded server is removed whole; only a shared TEST_DATABASE_URL server needs the drop.
  if (!server.embedded) cleanups.push(() => dropDatabase(server.serverUrl, name));
  if (interrupted) return 130;
  await prepareDatabase(url, log);

  const port = await findFreePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: baseUrl,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
    // tests/e2e/organiser.spec.ts signs this address up as the organiser (admin) of the run.
    ADMIN_EMAILS: process.env.E2E_ADMIN_EMAIL ?? "organiser-e2e@example.test",
    TRUST_PROXY: "true", // the specs send X-Forwarded-For to give each rate-limit test an address of its own
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  if (process.env.E2E_SKIP_BUILD !== "1" && !interrupted) {
    log(`next build into ${env.NEXT_DIST_DIR}`);
    if ((await run(process.execPath, [nextBin(), "build"], { env }).done) !== 0) throw new Error("next build failed");
  }
  if (interrupted) return 130;
  const app = run(process.execPath, nextStartArgs(port), { env });
  await waitForHealth(baseUrl, app.child);
  if (interrupted) return 130;
  log(`app up at ${baseUrl}; running Playwright`);
  const playwright = run(process.execPath, [require.resolve("@playwright/test/cli"), "test", ...process.argv.slice(2)], {
    env: { ...env, E2E_BASE_URL: baseUrl, DATABASE_URL: url },
  });
  return interrupted ? 130 : await playwright.done;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping, then removing the test database`);
    // main() sees the flag or its child's end, returns, and the clean-up below runs.
    void stopChildren();
  });
}

main()
  .catch((error: unknown) => {
    if (!interrupted) console.error(`[e2e] ${(error as Error).message}`);
    return 1;
  })
  .then(async (code) => {
    await cleanUp();
    process.exit(interrupted ? 130 : code);
  });
