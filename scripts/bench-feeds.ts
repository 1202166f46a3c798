// `npm run bench:feeds`: does a burst of distinct feed builds delay other requests? Builds a
// production app (`next build` into .next-bench as bench:http, skipped when its inputs are unchanged;
// `next start` on a free port, a fresh database with the whole programme), then polls /api/health
// every 10 ms (one request at a time) at rest and during a burst of BURST distinct `q` feeds that
// each match most of the programme. A feed answered 503 is asked again after its Retry-After, as a
// calendar client would, so every feed ends up built. Prints p50/p99/max of /api/health at rest
// and during the burst, and the added delay (burst max − rest p50), which issue 9 bounds at 100 ms.
// BENCH_BURST sets the number of feeds, BENCH_SKIP_BUILD=1 and BENCH_CPU_PROF=<dir> are described below.
// The app runs with scripts/lib/event-loop-probe.cjs preloaded: after the run the benchmark prints
// the event loop's stalls during the burst (wall and CPU time, garbage collections in them) and,
// with BENCH_CPU_PROF, what the CPU profile sampled in the longest ones. On a machine shared with
// other work the wall-clock figures mostly measure waiting for a core; a stall's CPU time is the
// work that held the loop.
// Figures only: they depend on the machine and its load (printed with them).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os, { loadavg } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { checkInstall } from "./lib/preflight";
import { describeStalls, type Probe } from "./lib/burst-stalls";

const root = path.join(__dirname, "..");
const log = (line: string) => console.log(`[bench:feeds] ${line}`);
const BURST = Number(process.env.BENCH_BURST ?? 12);
const REST_MS = 3000;
const POLL_EVERY_MS = 10;
// Single letters: each matches most events, and each a different set, so no two share a build.
const WORDS = ["a", "e", "i", "o", "n", "t", "r", "s", "l", "u", "c", "m", "d", "h", "p", "g"];

interface Poll {
  latencies: number[];
  failures: number;
}

/** /api/health one request at a time, POLL_EVERY_MS apart, until `until` resolves. */
async function pollHealth(baseUrl: string, until: Promise<unknown>): Promise<Poll> {
  let done = false;
  void until.finally(() => (done = true));
  const poll: Poll = { latencies: [], failures: 0 };
  while (!done) {
    const started = performance.now();
    const answer = await fetch(`${baseUrl}/api/health`).catch(() => null);
    if (answer) await answer.arrayBuffer();
    poll.latencies.push(performance.now() - started);
    if (!answer?.ok) poll.failures += 1;
    await sleep(POLL_EVERY_MS);
  }
  return poll;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(poll: Poll): { p50: number; p99: number; max: number; line: string } {
  const sorted = [...poll.latencies].sort((a, b) => a - b);
  const [p50, p99, max] = [percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]];
  return { p50, p99, max, line: `${sorted.length} requests, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms, failed ${poll.failures}` };
}

interface FeedResult {
  word: string;
  bytes: number;
  refusals: number;
  milliseconds: number;
}

/** One feed, asked again after Retry-After while the build queue is full. */
async function fetchFeed(baseUrl: string, word: string): Promise<FeedResult> {
  const started = performance.now();
  for (let refusals = 0; ; refusals++) {
    const answer = await fetch(`${baseUrl}/calendar/expo-2017.ics?q=${word}`);
    const body = await answer.arrayBuffer();
    if (answer.status === 200) return { word, bytes: body.byteLength, refusals, milliseconds: performance.now() - started };
    if (answer.status !== 503 || refusals > 20) throw new Error(`q=${word} answered ${answer.status}`);
    await sleep(Number(answer.headers.get("retry-after") ?? 5) * 1000);
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    if ((await fetch(`${url}/api/health`).catch(() => null))?.ok) return;
    await sleep(500);
  }
  throw new Error("the app did not become healthy within 2 minutes");
}

async function main(): Promise<void> {
  checkInstall("bench");
  const probeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-feeds-")), "probe.json");
  const burstMicros: [number, number] = [0, 0];
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the app, written when it stops, to find what holds the loop.
  const profileDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
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
    // BENCH_SKIP_BUILD=1 serves whatever build is there (e.g. after editing only this script).
    const existing = process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(root, distDir, "BUILD_ID"));
    const reason = existing ? null : rebuildReason(path.join(root, distDir), inputs);
    if (reason !== null) {
      log(`next build into ${distDir} (${reason})`);
      const build = run(process.execPath, [nextBin(), "build"], env);
      const code = await new Promise<number>((resolve) => build.once("close", (status) => resolve(status ?? 1)));
      if (code !== 0) throw new Error("next build failed");
      recordBuildInputs(path.join(root, distDir), inputs);
    }
    if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
    const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    if (process.env.BENCH_NODE_REQUIRE) profile.push("--require", process.env.BENCH_NODE_REQUIRE);
    profile.push("--require", path.join(__dirname, "lib", "event-loop-probe.cjs"));
    env.BENCH_PROBE_OUT = probeFile;
    app = run(process.execPath, [...profile, ...nextStartArgs(port)], env);
    await waitForHealth(baseUrl, app);
    // Warm the routes (first requests load their code) with a small feed that is not in the burst.
    await (await fetch(`${baseUrl}/calendar/expo-2017.ics?programme=pakistan-day`)).arrayBuffer();
    for (let i = 0; i < 20; i++) await (await fetch(`${baseUrl}/api/health`)).arrayBuffer();

    const rest = summary(await pollHealth(baseUrl, sleep(REST_MS)));
    log(`at rest: ${rest.line}`);
    const words = WORDS.slice(0, BURST);
    const burstStarted = performance.now();
    // The probe's clock (monotonic microseconds), to pick the stalls of the burst.
    burstMicros[0] = Number(process.hrtime.bigint() / 1000n);
    const feeds = Promise.all(words.map((word) => fetchFeed(baseUrl, word)));
    const burst = summary(await pollHealth(baseUrl, feeds.catch(() => undefined)));
    const results = await feeds;
    burstMicros[1] = Number(process.hrtime.bigint() / 1000n);
    const seconds = (performance.now() - burstStarted) / 1000;
    for (const result of results) {
      log(`  q=${result.word}: ${result.bytes.toLocaleString("en")} B after ${result.refusals} × 503, ${(result.milliseconds / 1000).toFixed(1)} s`);
    }
    log(`during a burst of ${words.length} distinct feeds (${seconds.toFixed(1)} s): ${burst.line}`);
    log(`added delay: max ${(burst.max - rest.p50).toFixed(1)} ms, p99 ${(burst.p99 - rest.p50).toFixed(1)} ms (goal: max ≤ 100 ms)`);
    log(`load average (1/5/15 min): ${loadavg().map((load) => load.toFixed(2)).join(" / ")}`);
  } finally {
    if (app && app.exitCode === null) {
      const stopped = new Promise((resolve) => app?.once("close", resolve));
      app.kill("SIGTERM");
      await stopped;
    }
    await pg.stop();
  }
  if (fs.existsSync(probeFile)) {
    const probe = JSON.parse(fs.readFileSync(probeFile, "utf8")) as Probe;
    const profileFile = profileDir && fs.readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile")).sort().at(-1);
    for (const line of describeStalls(probe, burstMicros, profileFile ? path.join(profileDir, profileFile) : null)) log(line);
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:feeds] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
