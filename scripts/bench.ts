// `npm run bench`: figures for the schedule at full size — day page, search, cursor paging, event
// page — and the EXPLAIN of each list query to show it is served by an index. Uses the database
// named by DATABASE_URL, else a fresh embedded PostgreSQL seeded with the whole programme.
// One function per section, run one after another; times are medians of several runs.
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createRecordingPrismaClient, explainQuery, vacuumAnalyzeEvents, type CapturedQuery } from "./lib/query-plan";
import { databaseUrl, openScratchServer } from "./lib/database-lifecycle";
import { prepareDatabase } from "./lib/local-database";

type Lib = {
  schedule: typeof import("../lib/schedule/schedule-view");
  list: typeof import("../lib/schedule/list-events");
  detail: typeof import("../lib/schedule/event-detail");
  venues: typeof import("../lib/schedule/venues");
};

const RUNS = 15;

async function median(action: () => Promise<unknown>, runs: number = RUNS): Promise<number> {
  await action(); // warm-up: connection pool and plan cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function row(label: string, ms: number, extra = ""): void {
  console.log(`  ${label.padEnd(52)} ${ms.toFixed(2).padStart(8)} ms${extra ? `  ${extra}` : ""}`);
}

async function openDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const pg = await openScratchServer({ purpose: "bench" });
  const url = databaseUrl(pg.serverUrl, "postgres");
  await prepareDatabase(url, (line) => console.log(`[bench] ${line}`));
  return { url, stop: pg.stop };
}

async function benchDayPage(lib: Lib, queries: CapturedQuery[]): Promise<void> {
  console.log("\nDay page (/schedule?date=…): count + first page of one Astana day");
  for (const date of ["2017-06-10", "2017-07-01", "2017-08-14", "2017-09-10"]) {
    queries.length = 0;
    const view = await lib.schedule.getScheduleView({ date });
    const perRender = queries.length;
    row(`date=${date}`, await median(() => lib.schedule.getScheduleView({ date })), `${view.total} events, ${perRender} queries`);
  }
  const filtered = { date: "2017-08-26", category: "culture", venue: "central-concert-hall" };
  row("date + category + venue", await median(() => lib.schedule.getScheduleView(filtered)));
  row("now and next (?at=2017-07-01T19:00)", await median(() => lib.schedule.getScheduleView({ at: "2017-07-01T19:00" })));
}

async function benchSearch(lib: Lib): Promise<void> {
  console.log("\nSearch over every day (/schedule?q=…)");
  for (const q of ["mahler", "novosibirsk orchestra", "pakistan", "yurt", "tent"]) {
    const view = await lib.schedule.getScheduleView({ q });
    row(`q=${q}`, await median(() => lib.schedule.getScheduleView({ q })), `${view.total} matches`);
  }
}

async function benchCursorPaging(lib: Lib): Promise<void> {
  console.log("\nGET /api/events: the whole programme, 200 a page, by cursor");
  let pages = 0;
  let events = 0;
  const started = performance.now();
  let cursor: string | null = null;
  do {
    const query: string = `limit=200${cursor ? `&cursor=${cursor}` : ""}`;
    const result = await lib.list.listEvents(new URLSearchParams(query), "http://bench");
    if (!result.ok) throw new Error(JSON.stringify(result.details));
    pages++;
    events += result.value.events.length;
    cursor = result.value.nextCursor;
  } while (cursor);
  const total = performance.now() - started;
  row(`${pages} pages, ${events} events`, total, `${(total / pages).toFixed(2)} ms a page`);
}

async function benchEventPage(lib: Lib): Promise<void> {
  console.log("\nEvent and venue pages");
  row("event: mahler-symphony-no-8 (+ same venue that day)", await median(() => lib.detail.getEventDetail("mahler-symphony-no-8")));
  row("venue: tent-01 (all its events by day)", await median(() => lib.venues.getVenueSchedule("tent-01")));
}

async function explainListQueries(lib: Lib, url: string, queries: CapturedQuery[]): Promise<void> {
  console.log("\nEXPLAIN of each list query over Event (the SQL Prisma sends)");
  const cases: [string, () => Promise<unknown>][] = [
    ["day page", () => lib.schedule.getScheduleView({ date: "2017-07-01" })],
    ["day + venue", () => lib.schedule.getScheduleView({ date: "2017-07-01", venue: "tent-01" })],
    ["search", () => lib.list.listEvents(new URLSearchParams("q=novosibirsk"), "http://bench")],
    ["category, first API page", () => lib.list.listEvents(new URLSearchParams("category=culture"), "http://bench")],
    ["programme", () => lib.list.listEvents(new URLSearchParams("programme=pakistan-day"), "http://bench")],
    ["venue page", () => lib.venues.getVenueSchedule("tent-01")],
  ];
  for (const [label, action] of cases) {
    queries.length = 0;
    await action();
    for (const captured of queries.filter((q) => /FROM "public"\."Event"/.test(q.query))) {
      const { scans, text } = await explainQuery(url, captured);
      const summary = scans.map((scan) => `${scan.nodeType}${scan.index ? ` ${scan.index}` : ""}`).join(", ");
      console.log(`  ${label}: ${summary}`);
      if (scans.some((scan) => scan.nodeType === "Seq Scan")) console.log(text.replace(/^/gm, "      "));
    }
  }
}

async function benchFeeds(queries: CapturedQuery[]): Promise<void> {
  // Calendar feeds (issue 5): built once per change of the programme, then served as stored bytes.
  const { getPublicFeed } = await import("../lib/calendar/public-feed");
  const { feedCache } = await import("../lib/calendar/feed-cache");
  const { feedResponse } = await import("../lib/calendar/feed-response");
  const base = "https://expo2017.example";
  console.log("\nCalendar feeds (/calendar/expo-2017.ics): first build, then stored bytes");
  const answer = async (query: string, headers: Record<string, string> = {}) => {
    const request = new Request(`${base}/calendar/expo-2017.ics${query ? `?${query}` : ""}`, { headers });
    const result = await getPublicFeed(new URL(request.url).searchParams, base);
    if (!result.ok) throw new Error(JSON.stringify(result.details));
    const response = feedResponse(request, result.value, { visibility: "public" });
    await response.arrayBuffer();
    return { feed: result.value, response };
  };
  for (const [label, query] of [
    ["full programme", ""],
    ["programme=pakistan-day", "programme=pakistan-day"],
    ["venue=tent-01", "venue=tent-01"],
  ] as const) {
    feedCache.clear();
    const { feed, response } = await answer(query);
    const kb = `${(feed.bytes.length / 1024).toFixed(0)} KiB, detail ${feed.detail}`;
    row(`${label}: first build (query + render)`, feed.buildMilliseconds, kb);
    row(`${label}: answer from stored bytes (median)`, await median(() => answer(query)));
    const etag = response.headers.get("etag") ?? "";
    queries.length = 0;
    const notModified = await answer(query, { "If-None-Match": etag });
    const perAnswer = queries.length;
    row(
      `${label}: 304 for If-None-Match (median)`,
      await median(() => answer(query, { "If-None-Match": etag })),
      `status ${notModified.response.status}, ${perAnswer} queries`,
    );
  }
}

async function main(): Promise<void> {
  const database = await openDatabase();
  const recording = createRecordingPrismaClient(database.url);
  // lib/db reuses globalThis.prisma: the lib modules below then send their SQL through the recorder.
  (globalThis as unknown as { prisma: PrismaClient }).prisma = recording.client;
  process.env.DATABASE_URL = database.url;
  try {
    await vacuumAnalyzeEvents(database.url);
    const lib: Lib = {
      schedule: await import("../lib/schedule/schedule-view"),
      list: await import("../lib/schedule/list-events"),
      detail: await import("../lib/schedule/event-detail"),
      venues: await import("../lib/schedule/venues"),
    };
    console.log(`Events in the database: ${await recording.client.event.count()}`);
    await benchDayPage(lib, recording.queries);
    await benchSearch(lib);
    await benchCursorPaging(lib);
    await benchEventPage(lib);
    await explainListQueries(lib, database.url, recording.queries);
    await benchFeeds(recording.queries);
  } finally {
    await recording.client.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
