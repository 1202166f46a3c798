// `npm run bench:phone`: Lighthouse 12.2.3 (mobile emulation: slow 4G, 4× CPU slowdown, simulated)
// against a production build with its own seeded database, in Debian's Chromium, then a table of
// the budgets of issue 13. It measures; it asserts nothing (the machine is shared and noisy), but
// marks each figure over budget and exits 0 either way. Installs nothing at run time.
// BENCH_SKIP_BUILD=1 reuses the last build in NEXT_DIST_DIR (default .next-bench-phone; an e2e
// build such as .next-e2e serves as well); BENCH_RUNS=n (default 1) runs
// each page n times and keeps the median by performance score. BENCH_PAGES=/,/events/x limits the
// pages; BENCH_LHR_DIR=dir keeps each run's report and trace there. BENCH_CALIBRATED=0 skips the
// second table (the same pages with the CPU multiplier calibrated to this host's benchmarkIndex).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { checkInstall } from "./lib/preflight";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PHONE_BUDGETS, budgetMarks, formatPhoneTable, type PhoneRow } from "./lib/phone-budgets";
import { calibratedCpuMultiplier, diagnosisLines, lcpCandidateOfTrace, mainThreadCost, type LhrLike } from "./lib/phone-diagnosis";

const log = (line: string) => console.log(`[bench:phone] ${line}`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

// The pages of issue 13; the schedule's "all days" view is a full page of 100 cards (SCHEDULE_PAGE_SIZE).
const ALL_PAGES = [
  { path: "/", signedIn: false },
  { path: "/schedule?date=2017-08-14", signedIn: false },
  { path: "/schedule?date=all", signedIn: false },
  { path: "/events/mahler-symphony-no-8", signedIn: false },
  { path: "/pakistan-day", signedIn: false },
  { path: "/itinerary", signedIn: true },
];
const ONLY = process.env.BENCH_PAGES?.split(",").filter(Boolean);
const PAGES = ONLY ? ALL_PAGES.filter((page) => ONLY.includes(page.path)) : ALL_PAGES;
// Lighthouse's mobile defaults (constants.js throttling.mobileSlow4G), but for the CPU multiplier.
const SLOW_4G = { rttMs: 150, throughputKbps: 1.6 * 1024, requestLatencyMs: 150 * 3.75, downloadThroughputKbps: 1.6 * 1024 * 0.9, uploadThroughputKbps: 750 * 0.9 };
const LHR_DIR = process.env.BENCH_LHR_DIR;

const children = new Set<ChildProcess>();

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { env, stdio: "inherit" });
  children.add(child);
  child.once("close", () => children.delete(child));
  return child;
}

const finished = (child: ChildProcess) => new Promise<number>((resolve) => child.once("close", (code) => resolve(code ?? 1)));

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the app did not become healthy within 2 minutes");
}

/** Signs a new account up and in through the app's own endpoints; returns its Cookie header. */
async function signedInCookie(baseUrl: string): Promise<string> {
  const email = `bench-${Date.now()}@example.test`;
  const password = "expo 2017 bench password";
  const headers = { Origin: baseUrl };
  const signUp = await fetch(`${baseUrl}/api/auth/signup`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Bench Visitor", email, password }),
  });
  if (!signUp.ok) throw new Error(`sign-up answered ${signUp.status}`);
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: baseUrl, json: "true" }),
  });
  const session = signIn.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in answered ${signIn.status} without a session cookie`);
  // Two saved events, so /itinerary shows a plan rather than its empty state.
  for (const slug of ["mahler-symphony-no-8", "pakistan-day-evening-concert"]) {
    await fetch(`${baseUrl}/api/itinerary/${slug}`, { method: "PUT", headers: { ...headers, Cookie: session } });
  }
  return session;
}

async function main(): Promise<number> {
  checkInstall("bench:phone");
  const { createDatabase, openScratchServer, uniqueDatabaseName } = await import("./lib/database-lifecycle");
  const { prepareDatabase } = await import("./lib/local-database");
  const { findFreePort } = await import("./lib/ports");
  const { nextBin, nextStartArgs } = await import("./lib/next-start");
  // Lighthouse and chrome-launcher are ES modules: imported, not required.
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");

  const server = await openScratchServer({ purpose: "bench-phone", log });
  try {
    const url = await createDatabase(server.serverUrl, uniqueDatabaseName("expo_bench_phone"));
    await prepareDatabase(url, log);
    const port = await findFreePort();
    const baseUrl = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench-phone",
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    };
    if (process.env.BENCH_SKIP_BUILD !== "1") {
      log(`next build into ${env.NEXT_DIST_DIR}`);
      if ((await finished(run([nextBin(), "build"], env))) !== 0) throw new Error("next build failed");
    }
    run(nextStartArgs(port), env);
    await waitForHealth(baseUrl);
    const cookie = await signedInCookie(baseUrl);

    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
    const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
    if (LHR_DIR) mkdirSync(LHR_DIR, { recursive: true });
    const benchmarkIndexes: number[] = [];
    const cpuRows: { page: string; label: string; wallMs: number; cpuMs: number; cpuTbtMs: number }[] = [];

    /** Each page `runs` times at the given CPU multiplier; the median row by performance score. */
    async function measureAll(cpuSlowdownMultiplier: number, label: string): Promise<PhoneRow[]> {
      const rows: PhoneRow[] = [];
      for (const page of PAGES) {
        // One throw-away load warms the server (compiled routes, database connections).
        await fetch(`${baseUrl}${page.path}`, { headers: page.signedIn ? { Cookie: cookie } : {} });
        const measured: PhoneRow[] = [];
        for (let i = 0; i < runs; i++) {
          const result = await lighthouse(`${baseUrl}${page.path}`, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility", "best-practices"],
            // Lighthouse's defaults are the mobile ones (Moto G Power, slow 4G, 4× CPU): said here anyway.
            formFactor: "mobile",
            throttlingMethod: "simulate",
            throttling: { ...SLOW_4G, cpuSlowdownMultiplier },
            extraHeaders: page.signedIn ? { Cookie: cookie } : undefined,
          });
          if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
          const { lhr } = result;
          if (LHR_DIR) {
            const base = path.join(LHR_DIR, `${label}-${page.path.replace(/[^a-z0-9]+/gi, "_")}-${i}`);
            writeFileSync(`${base}.lhr.json`, JSON.stringify(lhr));
            writeFileSync(`${base}.trace.json`, JSON.stringify(result.artifacts.Trace));
          }
          const scripts = (lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items?.find(
            (item) => item.resourceType === "script",
          );
          measured.push({
            page: page.path + (page.signedIn ? " (signed in)" : ""),
            performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
            lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
            tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
            cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN,
            bestPractices: Math.round((lhr.categories["best-practices"]?.score ?? 0) * 100),
            accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
            jsBytes: scripts?.transferSize ?? 0,
          });
          if (lhr.environment.benchmarkIndex) benchmarkIndexes.push(lhr.environment.benchmarkIndex);
          const row = measured[measured.length - 1];
          log(`${page.path} [${label}] run ${i + 1}: performance ${row.performance}, LCP ${Math.round(row.lcpMs)} ms, TBT ${Math.round(row.tbtMs)} ms`);
          for (const line of diagnosisLines(lhr as unknown as LhrLike)) log(`  ${line}`);
          const trace = result.artifacts.Trace as unknown as Parameters<typeof mainThreadCost>[0];
          log(`  LCP candidate: ${lcpCandidateOfTrace(trace)}`);
          const cost = mainThreadCost(trace);
          log(`  main thread, observed: ${Math.round(cost.wallMs)} ms wall, ${Math.round(cost.cpuMs)} ms CPU; blocking estimate from CPU time at 4×: ${Math.round(cost.cpuTbtMs)} ms`);
          log(`  heaviest tasks by CPU: ${cost.heaviest.join("; ")}`);
          cpuRows.push({ page: page.path, label, ...cost });
          const failing = Object.values(lhr.audits).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary");
          if (failing.length) log(`${page.path}: failing audits: ${failing.map((audit) => audit.id).join(", ")}`);
        }
        measured.sort((a, b) => a.performance - b.performance);
        const row = measured[Math.floor(measured.length / 2)];
        rows.push(row);
        log(`${row.page} [${label}]: ${budgetMarks(row).join(" ") || "within budget"}`);
      }
      return rows;
    }

    let rows: PhoneRow[];
    let calibrated: { multiplier: number; benchmarkIndex: number; rows: PhoneRow[] } | null = null;
    try {
      rows = await measureAll(4, "4x");
      const sorted = [...benchmarkIndexes].sort((a, b) => a - b);
      const benchmarkIndex = sorted[Math.floor(sorted.length / 2)] ?? NaN;
      const multiplier = calibratedCpuMultiplier(benchmarkIndex);
      log(`median benchmarkIndex ${Math.round(benchmarkIndex)}: Lighthouse's calibration gives ${multiplier === null ? "no multiplier (host too slow)" : `${multiplier.toFixed(2)}× CPU`}`);
      if (process.env.BENCH_CALIBRATED !== "0" && multiplier !== null && multiplier < 4) {
        calibrated = { multiplier, benchmarkIndex, rows: await measureAll(Number(multiplier.toFixed(2)), "calibrated") };
      }
    } finally {
      chrome.kill();
    }
    console.log(`\nLighthouse 12.2.3, mobile (slow 4G, 4× CPU), ${new Date().toISOString()}; budgets: ${JSON.stringify(PHONE_BUDGETS)}\n`);
    console.log(formatPhoneTable(rows));
    console.log("\nMain thread per run as observed on this host (CPU time does not grow with the host's load; wall time does, and Lighthouse multiplies wall time):\n");
    for (const row of cpuRows) console.log(`${row.page} [${row.label}]: ${Math.round(row.wallMs)} ms wall, ${Math.round(row.cpuMs)} ms CPU, blocking estimate from CPU time at 4× ${Math.round(row.cpuTbtMs)} ms`);
    if (calibrated) {
      console.log(
        `\nCalibrated, NOT Lighthouse's default: the same pages with the CPU multiplier ${calibrated.multiplier.toFixed(2)}× that Lighthouse's documented calibration gives for this host's median benchmarkIndex ${Math.round(calibrated.benchmarkIndex)} (4× assumes about 1533)\n`,
      );
      console.log(formatPhoneTable(calibrated.rows));
    }
    return 0;
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all([...children].map(finished));
    await server.stop();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill("SIGTERM");
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench:phone] ${(error as Error).message}`);
    process.exit(1);
  },
);
