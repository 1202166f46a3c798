// A production build of the app on a throwaway database, for the load benchmark: an embedded
// PostgreSQL (or a new database on TEST_DATABASE_URL's server) migrated and seeded with the whole
// programme, `next build` into .next-bench when its inputs changed (the same folder and check as
// `npm run bench:http`, so the two share one build), then `next start` on a free port.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createDatabase, openScratchServer, uniqueDatabaseName } from "./database-lifecycle";
import { hashBuildInputs, rebuildReason, recordBuildInputs } from "./build-inputs";
import { prepareDatabase } from "./local-database";
import { findFreePort } from "./ports";
import { nextBin, nextStartArgs } from "./next-start";

const root = path.join(__dirname, "..", "..");

export interface BenchApp {
  baseUrl: string;
  databaseUrl: string;
  secret: string;
  /** The `next start` process, for its CPU time (/proc/<pid>/stat). */
  pid: number;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the app did not become healthy within 2 minutes");
}

export async function startBenchApp(log: (line: string) => void): Promise<BenchApp> {
  const pg = await openScratchServer({ purpose: "bench-load", log });
  const stops: (() => Promise<void>)[] = [pg.stop];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch((error: unknown) => log(`stopping: ${(error as Error).message}`));
  };
  try {
    const databaseUrl = await createDatabase(pg.serverUrl, uniqueDatabaseName("expo_load"));
    await prepareDatabase(databaseUrl, log);
    const port = await findFreePort();
    const baseUrl = `http://localhost:${port}`;
    const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
    const secret = randomBytes(32).toString("base64url");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: baseUrl,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    };
    const inputs = hashBuildInputs(root);
    // BENCH_SKIP_BUILD=1 serves the build that is there, as it is (a before/after comparison keeps two).
    const reason = process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(root, distDir, "BUILD_ID")) ? null : rebuildReason(path.join(root, distDir), inputs);
    if (reason !== null) {
      log(`next build into ${distDir} (${reason})`);
      const build = spawn(process.execPath, [nextBin(), "build"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
      const code = await new Promise<number>((resolve) => build.once("close", (status) => resolve(status ?? 1)));
      if (code !== 0) throw new Error("next build failed");
      recordBuildInputs(path.join(root, distDir), inputs);
    }
    // BENCH_PROFILE=<folder>: the app's V8 CPU profile (a .cpuprofile per process, written at exit).
    const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
    const app = spawn(process.execPath, [...profile, ...nextStartArgs(port)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    const closed = new Promise<void>((resolve) => app.once("close", () => resolve()));
    stops.push(async () => {
      if (app.exitCode === null && app.signalCode === null) app.kill("SIGTERM");
      await closed;
    });
    await waitForHealth(baseUrl, app);
    return { baseUrl, databaseUrl, secret, pid: app.pid ?? 0, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
