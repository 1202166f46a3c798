// GET /api/itinerary with 2,000,000 saved events (issue 11, item 3): 100,000 generated visitors
// with 20 saves each, made in bulk by INSERT … SELECT over generate_series in batches (progress
// printed), never row by row; then the plan of the itinerary's lookup, and wrk against a handful
// of those visitors' sessions.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { insertUsers, sessionCookie } from "./load-users";

const PREFIX = "scale";
const BATCH_USERS = 10_000;

export async function generateSaves(databaseUrl: string, users: number, savesEach: number, log: (line: string) => void): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    for (let from = 1; from <= users; from += BATCH_USERS) {
      const to = Math.min(users, from + BATCH_USERS - 1);
      await client.query("BEGIN");
      await insertUsers(client, PREFIX, from, to);
      // Event k of visitor u: the (u·7 + k·151)-th event; 151·20 < the programme's 3,102 events,
      // so one visitor's 20 are distinct, and visitors spread over the whole programme.
      await client.query(
        `WITH events AS (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM "Event")
         INSERT INTO "SavedEvent" ("userId", "eventId", "updatedAt")
         SELECT $1 || '-' || u, events.ids[1 + ((u * 7 + k * 151) % events.n)], now()
         FROM events, generate_series($2::int, $3::int) AS u, generate_series(1, $4::int) AS k`,
        [PREFIX, from, to, savesEach],
      );
      await client.query("COMMIT");
      const seconds = (Date.now() - started) / 1000;
      log(`  ${to.toLocaleString("en")} visitors, ${(to * savesEach).toLocaleString("en")} saves (${seconds.toFixed(0)} s)`);
    }
    await client.query(`VACUUM ANALYZE "User", "SavedEvent"`);
    // The bulk load's dirty pages written now, not by the checkpointer during the measurement.
    await client.query("CHECKPOINT").catch(() => log("  (CHECKPOINT needs a superuser; skipped)"));
  } finally {
    await client.end();
  }
}

/** The plan of the itinerary's lookup by visitor (the WHERE of getItinerary's query). */
export async function itineraryPlan(databaseUrl: string, userId: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN ANALYZE SELECT s.id, s."eventId", s.note, s."createdAt" FROM "SavedEvent" s WHERE s."userId" = $1`,
      [userId],
    );
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}

/** CPU seconds (user + system) the process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after "pid (comm) ".
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}
// USER_HZ is 100 on every Linux this runs on (getconf CLK_TCK).
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * wrk at `connections` for `seconds` against `target` (/api/itinerary, which the door answers, or
 * /api/itinerary?via=next, which only Next's route does), rotating the visitors' cookies; with the
 * app's CPU time per request, which does not depend on what else the machine is doing.
 */
export async function wrkItinerary(baseUrl: string, secret: string, userNumbers: number[], connections: number, seconds: number, target = "/api/itinerary", appPid?: number): Promise<string> {
  const cookies = await Promise.all(userNumbers.map((n) => sessionCookie(`${PREFIX}-${n}`, secret)));
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "expo-wrk-")), "itinerary.lua");
  fs.writeFileSync(
    script,
    `local cookies = { ${cookies.map((cookie) => JSON.stringify(cookie)).join(", ")} }\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", ${JSON.stringify(target)}, { ["Cookie"] = cookies[(i % #cookies) + 1] })\nend\n`,
  );
  try {
    const cpuBefore = appPid ? cpuSeconds(appPid) : 0;
    const child = spawn("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", "-s", script, `${baseUrl}/api/itinerary`], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number>((resolve) => {
      child.once("error", () => resolve(127));
      child.once("close", (status) => resolve(status ?? 1));
    });
    if (code !== 0) throw new Error(`wrk failed (${code}): ${out || "apt-get install -y wrk"}`);
    const pick = (pattern: RegExp) => pattern.exec(out)?.[1] ?? "?";
    const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? "0";
    const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
    const cpu = appPid && requests > 0 ? `, app CPU ${(((cpuSeconds(appPid) - cpuBefore) * 1000) / requests).toFixed(2)} ms/request` : "";
    return `${target} c${connections}: ${pick(/Requests\/sec:\s+([\d.]+)/)} requests/s, p50 ${pick(/\s50%\s+([\d.]+\w+)/)}, p99 ${pick(/\s99%\s+([\d.]+\w+)/)}, non-2xx ${non2xx}${cpu}`;
  } finally {
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
  }
}
