// `npm run bench:http`: requests/s and p50/p99 of a production build (`next build` into
// .next-bench, `next start` on a free port, a fresh database with the whole programme) under wrk at
// 32 connections, next to a bare Node.js http server answering the same bytes with the same
// headers. The ratio is the figure to compare: absolute numbers drift on a shared machine.
// Prints a Markdown table for the README. BENCH_SKIP_BUILD=1 reuses the last build when its inputs
// are unchanged anyway; BENCH_SECONDS (default 8) sets each run's length.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { checkInstall } from "./lib/preflight";

const root = path.join(__dirname, "..");
const log = (line: string) => console.log(`[bench] ${line}`);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 32;

interface Target {
  label: string;
  path: string;
  /** Send the answer's ETag back as If-None-Match (the feed's 304). */
  conditional?: boolean;
}

const TARGETS: Target[] = [
  { label: "day page", path: "/schedule?date=2017-08-14" },
  { label: "event page", path: "/events/mahler-symphony-no-8" },
  { label: "/api/events for a day", path: "/api/events?date=2017-08-14&limit=200" },
  { label: "full feed", path: "/calendar/expo-2017.ics" },
  { label: "full feed, 304", path: "/calendar/expo-2017.ics", conditional: true },
  { label: "/api/health", path: "/api/health" },
];

interface Figures {
  rps: number;
  p50: string;
  p99: string;
  non2xx: number;
  errors: number;
}

/** Runs wrk and reads its summary (requests/s, latency percentiles, non-2xx/3xx, socket errors). */
// Asynchronous on purpose: the bare server runs in this process and must keep answering.
async function wrk(url: string, headers: Record<string, string>): Promise<Figures> {
  const args = ["-t2", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--latency"];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  const child = spawn("wrk", [...args, url], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number>((resolve) => {
    child.once("error", () => resolve(1));
    child.once("close", (status) => resolve(status ?? 1));
  });
  if (code !== 0) throw new Error(`wrk failed: ${err || "could not run wrk (apt-get install -y wrk)"}`);
  const pick = (pattern: RegExp) => pattern.exec(out)?.[1] ?? "?";
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50: pick(/\s50%\s+([\d.]+\w+)/),
    p99: pick(/\s99%\s+([\d.]+\w+)/),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    errors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

/** A bare Node.js server answering every request with these exact bytes, status and headers. */
async function bareServer(status: number, headers: Record<string, string>, body: Buffer): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

const KEPT_HEADERS = ["content-type", "etag", "last-modified", "cache-control", "content-security-policy", "vary"];

async function measure(baseUrl: string, target: Target): Promise<string> {
  const first = await fetch(baseUrl + target.path);
  const body = Buffer.from(await first.arrayBuffer());
  const headers: Record<string, string> = {};
  const etag = first.headers.get("etag");
  if (target.conditional && etag) headers["If-None-Match"] = etag;
  const check = await fetch(baseUrl + target.path, { headers });
  await check.arrayBuffer();
  const answered: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = check.headers.get(name);
    if (value) answered[name] = value;
  }
  const app = await wrk(baseUrl + target.path, headers);
  const bare = await bareServer(check.status, answered, check.status === 304 ? Buffer.alloc(0) : body);
  let reference: Figures;
  try {
    reference = await wrk(bare.url, {});
  } finally {
    bare.close();
  }
  const ratio = reference.rps > 0 ? app.rps / reference.rps : 0;
  const failures = app.non2xx + app.errors;
  return `| ${target.label} \`${target.path}\` | ${check.status} | ${(check.status === 304 ? 0 : body.length).toLocaleString("en")} B | ${Math.round(app.rps).toLocaleString("en")} | ${app.p50} / ${app.p99} | ${Math.round(reference.rps).toLocaleString("en")} | ${ratio.toFixed(3)}× | ${failures} |`;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
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

async function main(): Promise<void> {
  checkInstall("bench");
  const { databaseUrl, openScratchServer } = await import("./lib/database-lifecycle");
  const { prepareDatabase } = await import("./lib/local-database");
  const { findFreePort } = await import("./lib/ports");
  const { nextBin } = await import("./lib/serve");
  const { hashBuildInputs, rebuildReason, recordBuildInputs } = await import("./lib/build-inputs");

  const pg = await openScratchServer({ purpose: "bench", log });
  let app: ChildProcess | null = null;
  try {
    const url = databaseUrl(pg.serverUrl, "postgres");
    await prepareDatabase(url, log);
    const port = await findFreePort();
    const baseUrl = `http://localhost:${port}`;
    const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    };
    const inputs = hashBuildInputs(root);
    const reason = rebuildReason(path.join(root, distDir), inputs);
    if (reason !== null) {
      log(`next build into ${distDir} (${reason})`);
      const build = run(process.execPath, [nextBin(), "build"], env);
      const code = await new Promise<number>((resolve) => build.once("close", (status) => resolve(status ?? 1)));
      if (code !== 0) throw new Error("next build failed");
      recordBuildInputs(path.join(root, distDir), inputs);
    }
    app = run(process.execPath, [nextBin(), "start", "-p", String(port)], env);
    await waitForHealth(baseUrl, app);
    log(`app up at ${baseUrl}; wrk -c${CONNECTIONS} -d${SECONDS}s per URL, then a bare Node.js server with the same bytes`);
    const rows: string[] = [];
    for (const target of TARGETS) {
      // Warm: the first request builds the cached answer for this programme version.
      await (await fetch(baseUrl + target.path)).arrayBuffer();
      rows.push(await measure(baseUrl, target).catch((error: unknown) => `| ${target.label} \`${target.path}\` | failed: ${(error as Error).message} |`));
      log(rows[rows.length - 1]);
    }
    console.log(`\n| URL | status | body | app requests/s | app p50 / p99 | bare Node.js requests/s | ratio | errors |`);
    console.log(`|---|---|---|---|---|---|---|---|`);
    for (const row of rows) console.log(row);
  } finally {
    if (app && app.exitCode === null) {
      const stopped = new Promise((resolve) => app?.once("close", resolve));
      app.kill("SIGTERM");
      await stopped;
    }
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
