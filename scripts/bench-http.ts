// `npm run bench:http`: requests/s and p50/p99 of a production build (`next build` into
// .next-bench, `next start` on a free port, a fresh database with the whole programme) under wrk at
// 32 connections, next to a bare Node.js http server answering the same bytes with the same
// headers. The ratio is the figure to compare: absolute numbers drift on a shared machine.
// Prints a Markdown table for the README. BENCH_SKIP_BUILD=1 serves the build in NEXT_DIST_DIR
// (default .next-bench) as it is, even when its inputs changed; BENCH_SECONDS (default 8) sets each
// run's length; BENCH_ONLY=<text> runs the rows whose label contains it; BENCH_PROFILE=<folder>
// writes the app's V8 CPU profile there.
// Each row also gives the app's CPU time per answer over its wrk run (/proc/<pid>/stat).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
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
  /** Extra request headers, e.g. a session cookie that keeps a page out of the page cache. */
  headers?: Record<string, string>;
  /** A different search per request (wrk Lua), so no answer comes from a cache. */
  distinctSearch?: boolean;
  /** What issue 11 asks for: a minimum ratio to the bare server, or a maximum p99 in ms. */
  target?: { ratio?: number; p99Ms?: number };
}

// A session cookie next-auth cannot decrypt: the page renders per request exactly as for a signed-in
// visitor (no page cache), but as anonymous, so no user is needed. The same run shows both paths.
const RENDERED = { Cookie: "next-auth.session-token=bench-not-a-session" };

const TARGETS: Target[] = [
  { label: "day page", path: "/schedule?date=2017-08-14", target: { ratio: 0.05 } },
  { label: "day page, rendered per request (session cookie)", path: "/schedule?date=2017-08-14", headers: RENDERED },
  { label: "event page", path: "/events/mahler-symphony-no-8", target: { ratio: 0.05 } },
  { label: "event page, rendered per request (session cookie)", path: "/events/mahler-symphony-no-8", headers: RENDERED },
  { label: "/api/events for a day", path: "/api/events?date=2017-08-14&limit=200", target: { ratio: 0.05 } },
  { label: "full feed", path: "/calendar/expo-2017.ics", target: { ratio: 0.3 } },
  { label: "full feed, 304", path: "/calendar/expo-2017.ics", conditional: true, target: { ratio: 0.3 } },
  { label: "search page, whole programme", path: "/schedule?q=concert", target: { p99Ms: 50 } },
  { label: "search API, a different query each request", path: "/api/events?q=concert", distinctSearch: true, target: { p99Ms: 50 } },
  { label: "/api/health", path: "/api/health" },
];

// Each request searches the whole programme for "concert <n>", n unique per request and thread,
// so every answer is computed (the programme cache keys by the query).
const DISTINCT_SEARCH_LUA = `
local counter = 0
local threads = 0
function setup(thread) threads = threads + 1; thread:set("offset", threads * 100000000) end
function init(args) counter = offset end
function request()
  counter = counter + 1
  return wrk.format("GET", "/api/events?q=concert+" .. counter)
end
`;

interface Figures {
  rps: number;
  p50: string;
  p99: string;
  non2xx: number;
  errors: number;
}

/** Runs wrk and reads its summary (requests/s, latency percentiles, non-2xx/3xx, socket errors). */
// Asynchronous on purpose: the bare server runs in this process and must keep answering.
async function wrk(url: string, headers: Record<string, string>, script?: string, seconds = SECONDS): Promise<Figures> {
  const args = ["-t2", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency"];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  if (script) {
    const file = path.join(os.tmpdir(), `bench-http-${process.pid}.lua`);
    fs.writeFileSync(file, script);
    args.push("-s", file);
  }
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

/** "1.23ms", "850.00us", "1.01s" → milliseconds. */
function milliseconds(latency: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(latency);
  if (!match) return Number.NaN;
  return Number(match[1]) * (match[2] === "us" ? 0.001 : match[2] === "s" ? 1000 : 1);
}

function verdict(target: Target, ratio: number, app: Figures): string {
  const failures = app.non2xx + app.errors;
  if (!target.target) return "—";
  const met =
    failures === 0 &&
    (target.target.ratio === undefined || ratio >= target.target.ratio) &&
    (target.target.p99Ms === undefined || milliseconds(app.p99) < target.target.p99Ms);
  const goal = target.target.ratio !== undefined ? `≥ ${target.target.ratio}×` : `p99 < ${target.target.p99Ms} ms`;
  return `${met ? "yes" : "**no**"} (${goal})`;
}

/** CPU seconds (user + system) the process has used so far, from /proc (Linux; USER_HZ 100). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function measure(baseUrl: string, target: Target, appPid: number): Promise<string> {
  const first = await fetch(baseUrl + target.path, { headers: target.headers });
  const body = Buffer.from(await first.arrayBuffer());
  // BENCH_DUMP=<folder>: each URL's answer as measured, to compare a cached page with its render.
  if (process.env.BENCH_DUMP) fs.writeFileSync(path.join(process.env.BENCH_DUMP, `${target.label.replace(/\W+/g, "-")}.body`), body);
  const headers: Record<string, string> = { ...target.headers };
  const etag = first.headers.get("etag");
  if (target.conditional && etag) headers["If-None-Match"] = etag;
  const check = await fetch(baseUrl + target.path, { headers });
  await check.arrayBuffer();
  const answered: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = check.headers.get(name);
    if (value) answered[name] = value;
  }
  const script = target.distinctSearch ? DISTINCT_SEARCH_LUA : undefined;
  // Two seconds of load first: the first URL measured otherwise pays for the JIT warming up.
  await wrk(baseUrl + target.path, headers, script, 2);
  const cpuBefore = cpuSeconds(appPid);
  const app = await wrk(baseUrl + target.path, headers, script);
  // The app's CPU per answer, which depends much less than requests/s on what else the machine runs.
  const cpuPerRequest = ((cpuSeconds(appPid) - cpuBefore) * 1000) / (app.rps * SECONDS);
  const bare = await bareServer(check.status, answered, check.status === 304 ? Buffer.alloc(0) : body);
  let reference: Figures;
  try {
    reference = await wrk(bare.url, {});
  } finally {
    bare.close();
  }
  const ratio = reference.rps > 0 ? app.rps / reference.rps : 0;
  const failures = app.non2xx + app.errors;
  return `| ${target.label} \`${target.path}\` | ${check.status} | ${(check.status === 304 ? 0 : body.length).toLocaleString("en")} B | ${Math.round(app.rps).toLocaleString("en")} | ${app.p50} / ${app.p99} | ${Number.isFinite(cpuPerRequest) ? `${cpuPerRequest.toFixed(2)} ms` : "?"} | ${Math.round(reference.rps).toLocaleString("en")} | ${ratio.toFixed(3)}× | ${failures} | ${verdict(target, ratio, app)} |`;
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
  const { nextBin, nextStartArgs } = await import("./lib/next-start");
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
    // BENCH_SKIP_BUILD=1 serves the build that is there, as it is (a before/after comparison keeps two).
    const reason = process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(root, distDir, "BUILD_ID")) ? null : rebuildReason(path.join(root, distDir), inputs);
    if (reason !== null) {
      log(`next build into ${distDir} (${reason})`);
      const build = run(process.execPath, [nextBin(), "build"], env);
      const code = await new Promise<number>((resolve) => build.once("close", (status) => resolve(status ?? 1)));
      if (code !== 0) throw new Error("next build failed");
      recordBuildInputs(path.join(root, distDir), inputs);
    }
    // BENCH_PROFILE=<folder>: V8 CPU profiles of the app (one .cpuprofile per process, written at exit).
    const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
    app = run(process.execPath, [...profile, ...nextStartArgs(port)], env);
    await waitForHealth(baseUrl, app);
    log(`app up at ${baseUrl}; wrk -c${CONNECTIONS} -d${SECONDS}s per URL, then a bare Node.js server with the same bytes`);
    const rows: string[] = [];
    const only = process.env.BENCH_ONLY;
    log(`load average at the start: ${os.loadavg().map((n) => n.toFixed(1)).join(", ")}`);
    for (const target of TARGETS.filter((t) => !only || t.label.includes(only))) {
      // Warm: the first request builds the cached answer for this programme version.
      await (await fetch(baseUrl + target.path, { headers: target.headers })).arrayBuffer();
      rows.push(await measure(baseUrl, target, app.pid ?? 0).catch((error: unknown) => `| ${target.label} \`${target.path}\` | failed: ${(error as Error).message} |`));
      log(rows[rows.length - 1]);
    }
    const load = os.loadavg().map((n) => n.toFixed(1)).join(", ");
    console.log(`\nload average at the end: ${load} (${os.cpus().length} cores)`);
    console.log(`\n| URL | status | body | app requests/s | app p50 / p99 | app CPU per request | bare Node.js requests/s | ratio | errors | target met |`);
    console.log(`|---|---|---|---|---|---|---|---|---|---|`);
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
