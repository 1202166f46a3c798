// `npm run test:e2e`: a fresh database (embedded, in a temporary folder, or a new database on
// TEST_DATABASE_URL's server), a production build in its own folder, `next start` on a free port,
// then Playwright in Debian's Chromium. Extra arguments go to `playwright test`.
// E2E_SKIP_BUILD=1 reuses the last e2e build (for iterating on tests only).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { databaseUrl, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/local-database";
import { findFreePort } from "./lib/ports";
import { nextBin } from "./lib/serve";

const root = path.join(__dirname, "..");
const log = (line: string) => console.log(`[e2e] ${line}`);

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the app did not become healthy within 2 minutes");
}

async function main(): Promise<number> {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    console.error(`[e2e] No Chromium at ${chromium}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
    return 1;
  }
  const cleanups: (() => Promise<void>)[] = [];
  let server: ChildProcess | undefined;
  try {
    let url: string;
    const testServer = process.env.TEST_DATABASE_URL;
    if (testServer) {
      const name = `expo_e2e_${randomBytes(4).toString("hex")}`;
      const admin = new Client({ connectionString: testServer });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      cleanups.push(async () => {
        const c = new Client({ connectionString: testServer });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      });
      url = databaseUrl(testServer, name);
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "expo-e2e-pg-"));
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "db"), log });
      cleanups.push(async () => {
        await pg.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      });
      url = databaseUrl(pg.serverUrl, "postgres");
    }
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
      TRUST_PROXY: "true", // the specs send X-Forwarded-For to give each rate-limit test an address of its own
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    };
    if (process.env.E2E_SKIP_BUILD !== "1") {
      log(`next build into ${env.NEXT_DIST_DIR}`);
      const build = spawnSync(process.execPath, [nextBin(), "build"], { env, stdio: "inherit", cwd: root });
      if (build.status !== 0) throw new Error("next build failed");
    }
    server = spawn(process.execPath, [nextBin(), "start", "-p", String(port)], { env, stdio: "inherit", cwd: root });
    await waitForHealth(baseUrl, server);
    log(`app up at ${baseUrl}; running Playwright`);
    const playwright = spawnSync(
      process.execPath,
      [require.resolve("@playwright/test/cli"), "test", ...process.argv.slice(2)],
      { env: { ...env, E2E_BASE_URL: baseUrl, DATABASE_URL: url }, stdio: "inherit", cwd: root },
    );
    return playwright.status ?? 1;
  } catch (error) {
    console.error(`[e2e] ${(error as Error).message}`);
    return 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

main().then((code) => process.exit(code));
