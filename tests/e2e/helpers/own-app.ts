// For specs that need an app of their own rather than the one scripts/e2e.ts started: a second
// instance on the same database, or an app whose database the spec stops. Each `next start` runs
// the build scripts/e2e.ts just made (NEXT_DIST_DIR, .next-e2e by default) on a free port.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { findFreePort } from "../../../scripts/lib/ports";
import { nextStartArgs } from "../../../scripts/lib/next-start";

const root = path.join(__dirname, "..", "..", "..");

export interface OwnApp {
  baseUrl: string;
  stop(): Promise<void>;
  /** Sends SIGTERM; resolves with the exit code once the process has ended. */
  terminate(): Promise<number | null>;
  /** The last 4,000 characters the server wrote. */
  output(): string;
}

/** One secret per spec run, shared by its instances, so a session made by one is valid on all. */
export const SHARED_SECRET = randomBytes(32).toString("base64url");

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}: ${output()}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${baseUrl} did not become healthy within 2 minutes: ${output()}`);
}

/** `next start` of the e2e build on `databaseUrl`, healthy when this resolves. */
export async function startApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<OwnApp> {
  const port = await findFreePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: SHARED_SECRET,
    NEXTAUTH_URL: baseUrl,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
    TRUST_PROXY: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    ...extraEnv,
  };
  const child = spawn(process.execPath, nextStartArgs(port), {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Kept for the failure message; the server's log is otherwise noise in the test report.
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const closed = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await closed;
  };
  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const terminate = async () => {
    child.kill("SIGTERM");
    return closed;
  };
  return { baseUrl, stop, terminate, output: () => output };
}

/** Polls `check` until it returns true or `ms` have passed; returns whether it became true. */
export async function becomesTrue(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
