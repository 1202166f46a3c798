// `npm run bench:load` (issue 11, items 6 and 3): against a production build on a database of its
// own (scripts/lib/bench-app.ts),
// 1. 200 visitors made in SQL send, with the public, 10,000 mixed requests at concurrency 64 —
//    pages, /api/events, feeds, /api/itinerary, saves and removals through the real API, each
//    visitor's in order — then the statuses are counted and the database's saves compared with
//    exactly what the confirmed answers imply;
// 2. 100,000 generated visitors × 20 saves (2,000,000 rows, in bulk) and GET /api/itinerary under
//    wrk for 64 of them, with the plan of its lookup.
// Prints figures, asserts nothing about time; exits 1 on a 5xx or a mismatch. LOAD_REQUESTS (0 skips
// part 1), LOAD_CONCURRENCY, SCALE_USERS (0 skips part 2) and SCALE_SECONDS change the sizes;
// BENCH_PROFILE=<folder> writes the app's V8 CPU profile there and BENCH_SKIP_BUILD=1 serves the
// build that is there as it is (scripts/lib/bench-app.ts).
import { Client } from "pg";
import os from "node:os";
import { checkInstall } from "./lib/preflight";

const log = (line: string) => console.log(`[bench:load] ${line}`);
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 10_000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 64);
const VISITORS = 200;
const SCALE_USERS = Number(process.env.SCALE_USERS ?? 100_000);
const SAVES_EACH = 20;
const SCALE_SECONDS = Number(process.env.SCALE_SECONDS ?? 10);
const SAMPLE_VISITORS = 64;

async function rows<T>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  checkInstall("bench");
  const { startBenchApp } = await import("./lib/bench-app");
  const { createLoadUsers } = await import("./lib/load-users");
  const { compareSaves, percentile, planLoad, runLoad } = await import("./lib/mixed-load");
  const { generateSaves, itineraryPlan, wrkItinerary } = await import("./lib/itinerary-scale");

  const app = await startBenchApp(log);
  let exitCode = 0;
  try {
    log(`app up at ${app.baseUrl}; load average ${os.loadavg().map((n) => n.toFixed(2)).join(", ")}`);
    if (REQUESTS > 0) {
      const users = await createLoadUsers(app.databaseUrl, app.secret, "load", VISITORS);
      const catalogue = {
        eventSlugs: (await rows<{ slug: string }>(app.databaseUrl, `SELECT slug FROM "Event" WHERE status <> 'CANCELLED' ORDER BY slug`)).map((row) => row.slug),
        venueSlugs: (await rows<{ slug: string }>(app.databaseUrl, `SELECT slug FROM "Venue" ORDER BY slug`)).map((row) => row.slug),
        dates: (await rows<{ date: string }>(app.databaseUrl, `SELECT DISTINCT to_char("startsAt" AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS date FROM "Event" ORDER BY 1`)).map((row) => row.date),
      };
      const lanes = planLoad(users, catalogue, REQUESTS, CONCURRENCY);
      log(`${REQUESTS.toLocaleString("en")} requests by ${VISITORS} signed-in visitors and the public, ${CONCURRENCY} at a time`);
      const report = await runLoad(app.baseUrl, lanes);

      const stored = new Set(
        (await rows<{ pair: string }>(app.databaseUrl, `SELECT s."userId" || ' ' || e.slug AS pair FROM "SavedEvent" s JOIN "Event" e ON e.id = s."eventId" WHERE starts_with(s."userId", 'load-')`)).map((row) => row.pair),
      );
      const comparison = compareSaves(report.confirmed, stored);
      console.log(`\n| requests | statuses | p50 / p99 |\n|---|---|---|`);
      for (const [kind, statuses] of report.statuses) {
        const durations = report.durations.get(kind) ?? [];
        const counted = [...statuses].map(([status, n]) => `${status}: ${n.toLocaleString("en")}`).join(", ");
        console.log(`| ${kind} | ${counted} | ${percentile(durations, 0.5).toFixed(1)} ms / ${percentile(durations, 0.99).toFixed(1)} ms |`);
      }
      console.log(
        `\n${REQUESTS.toLocaleString("en")} requests in ${report.seconds.toFixed(1)} s (${Math.round(REQUESTS / report.seconds)} requests/s); ` +
          `5xx: ${report.serverErrors}; failed connections: ${report.failures}; load average ${os.loadavg()[0].toFixed(2)}`,
      );
      console.log(
        `saves: ${report.confirmed.size} (visitor, event) pairs changed, ${comparison.saved} confirmed saved at the end, ${stored.size} stored; ` +
          `missing ${comparison.missing.length}, unexpected ${comparison.extra.length}: ${comparison.missing.length + comparison.extra.length === 0 ? "the database holds exactly the confirmed saves" : "MISMATCH"}`,
      );
      if (report.serverErrors + report.failures > 0 || comparison.missing.length + comparison.extra.length > 0) exitCode = 1;
    }

    if (SCALE_USERS > 0) {
      log(`\ngenerating ${SCALE_USERS.toLocaleString("en")} visitors × ${SAVES_EACH} saves`);
      await generateSaves(app.databaseUrl, SCALE_USERS, SAVES_EACH, log);
      const total = (await rows<{ n: number }>(app.databaseUrl, `SELECT count(*)::int AS n FROM "SavedEvent"`))[0].n;
      log(`SavedEvent holds ${total.toLocaleString("en")} rows`);
      // More visitors than connections, spread over all of them: the door reads concurrent requests
      // together (lib/itinerary/read-batches.ts), and a statement should hold distinct visitors, as
      // in real traffic, not the same few read once for many requests.
      const sample = Array.from({ length: SAMPLE_VISITORS }, (_, index) => 1 + Math.floor((index * (SCALE_USERS - 1)) / (SAMPLE_VISITORS - 1)));
      console.log(`\nplan of the itinerary's lookup:\n${await itineraryPlan(app.databaseUrl, `scale-${sample[2]}`)}`);
      // The door (lib/itinerary/itinerary-door.ts) answers /api/itinerary; with a query string only
      // Next's route does, so both paths are measured in one run on one database.
      log(`GET /api/itinerary, ${sample.length} visitors with ${SAVES_EACH} saves each among ${total.toLocaleString("en")}:`);
      for (const target of ["/api/itinerary", "/api/itinerary?via=next"]) {
        for (const connections of [1, 32]) {
          // Warm at this concurrency, unmeasured: the first requests pay for JIT and the pool's
          // connections, and V8 grows its young generation to the allocation rate over a few
          // seconds (decision 025, Update 3); the figure is the steady state after that.
          await wrkItinerary(app.baseUrl, app.secret, sample, connections, 3, target);
          console.log(`  ${await wrkItinerary(app.baseUrl, app.secret, sample, connections, SCALE_SECONDS, target, app.pid)}`);
        }
      }
      console.log(`load average ${os.loadavg().map((n) => n.toFixed(2)).join(", ")}`);
    }
  } finally {
    await app.stop();
  }
  return exitCode;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`[bench:load] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
