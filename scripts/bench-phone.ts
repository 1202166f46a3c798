// `npm run bench:phone`: Lighthouse 12.2.3 (mobile emulation: slow 4G, 4× CPU slowdown, simulated)
// against a production build with its own seeded database, in Debian's Chromium, then a table of
// the budgets of issue 13. It measures; it asserts nothing (the machine is shared and noisy), but
// marks each figure over budget and exits 0 either way. Installs nothing at run time.
// BENCH_SKIP_BUILD=1 reuses the last build in NEXT_DIST_DIR (default .next-bench-phone; an e2e
// build such as .next-e2e serves as well); BENCH_RUNS=n (default 1) runs
// each page n times and keeps the median by performance score.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { checkInstall } from "./lib/preflight";
import { PHONE_BUDGETS, budgetMarks, formatPhoneTable, type PhoneRow } from "./lib/phone-budgets";

const log = (line: string) => console.log(`[bench:phone] ${line}`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

// The pages of issue 13; the schedule's "all days" view is a full page of 100 cards (SCHEDULE_PAGE_SIZE).
const PAGES = [
  { path: "/", signedIn: false },
  { path: "/schedule?date=2017-08-14", signedIn: false },
  { path: "/schedule?date=all", signedIn: false },
  { path: "/events/mahler-symphony-no-8", signedIn: false },
  { path: "/pakistan-day", signedIn: false },
  { path: "/itinerary", signedIn: true },
];

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
  const { nextBin } = await import("./lib/serve");
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
    run([nextBin(), "start", "-p", String(port)], env);
    await waitForHealth(baseUrl);
    const cookie = await signedInCookie(baseUrl);

    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
    const rows: PhoneRow[] = [];
    try {
      const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
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
            extraHeaders: page.signedIn ? { Cookie: cookie } : undefined,
          });
          if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
          const { lhr } = result;
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
          const failing = Object.values(lhr.audits).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary");
          if (failing.length) log(`${page.path}: failing audits: ${failing.map((audit) => audit.id).join(", ")}`);
        }
        measured.sort((a, b) => a.performance - b.performance);
        const row = measured[Math.floor(measured.length / 2)];
        rows.push(row);
        log(`${row.page}: ${budgetMarks(row).join(" ") || "within budget"}`);
      }
    } finally {
      chrome.kill();
    }
    console.log(`\nLighthouse 12.2.3, mobile (slow 4G, 4× CPU), ${new Date().toISOString()}; budgets: ${JSON.stringify(PHONE_BUDGETS)}\n`);
    console.log(formatPhoneTable(rows));
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
