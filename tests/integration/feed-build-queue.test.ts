import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { GET as getPublicFeed } from "@/app/calendar/expo-2017.ics/route";
import { FEED_DETAILS, renderCalendar, renderCalendarWithinBudget, type FeedEvent } from "@/lib/calendar/build-calendar";
import { FeedBuildQueue, feedBuildQueue, MAX_WAITING_BUILDS } from "@/lib/calendar/feed-build-queue";
import { feedCache } from "@/lib/calendar/feed-cache";
import { FEED_PAGE_ROWS, loadFeedEventsInPages } from "@/lib/calendar/load-feed-events-in-pages";
import { loadFeedEvents } from "@/lib/calendar/public-feed";
import { renderEventsInTurns } from "@/lib/calendar/render-in-turns";
import { TimeSlicer } from "@/lib/calendar/time-slicer";
import { parseEventFilters, resolveEventFilters } from "@/lib/schedule/event-filters";

const ORIGIN = "http://localhost:3000";
const feed = (query: string) => getPublicFeed(new Request(`${ORIGIN}/calendar/expo-2017.ics${query}`));

beforeEach(() => {
  feedCache.clear();
});

/**
 * The main thread's CPU milliseconds (Linux schedstat; its task id is the process id): the work
 * that held the loop, without the thread pool's gzip and hashing or the GC helper threads, which
 * process.cpuUsage (the fallback elsewhere) counts too.
 */
function mainThreadCpuMs(): number {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
}

/**
 * Watches the event loop with a chain of setImmediate callbacks: the longest gap between two of
 * them in wall time, and in CPU time of the main thread (on a loaded machine the wall time also
 * counts time the process was not scheduled at all; the CPU time is the work that held the loop).
 */
function watchTurns(): () => { wallMs: number; cpuMs: number } {
  let running = true;
  let [wall, cpu] = [performance.now(), mainThreadCpuMs()];
  const longest = { wallMs: 0, cpuMs: 0 };
  const tick = () => {
    const [nowWall, nowCpu] = [performance.now(), mainThreadCpuMs()];
    longest.wallMs = Math.max(longest.wallMs, nowWall - wall);
    longest.cpuMs = Math.max(longest.cpuMs, nowCpu - cpu);
    [wall, cpu] = [nowWall, nowCpu];
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    running = false;
    return longest;
  };
}

const FRAME = { name: "EXPO 2017", baseUrl: ORIGIN, pageUrl: `${ORIGIN}/schedule` };

/** The VEVENT blocks of a calendar, as renderCalendar writes them. */
function vevents(ics: string): string {
  return ics.slice(ics.indexOf("BEGIN:VEVENT"), ics.lastIndexOf("END:VCALENDAR"));
}

test("a build in turns is byte-identical to rendering the whole calendar at once, and hands the event loop back", async () => {
  const events = await loadFeedEvents({});
  const queue = new FeedBuildQueue();
  const inTurns = await queue.render(FRAME, async () => events);
  const whole = renderCalendarWithinBudget({ ...FRAME, events });
  expect({ detail: inTurns.detail, equal: Buffer.from(inTurns.bytes).equals(Buffer.from(whole.bytes)) }).toEqual({ detail: whole.detail, equal: true });
  expect(queue.yields > 0).toEqual(true);
});

test("events rendered one by one and folded by us equal ical-generator's whole calendar in every detail level", async () => {
  // Every third event of the programme (the whole one is the test above), with and without reminders.
  const events: FeedEvent[] = (await loadFeedEvents({}))
    .filter((_, index) => index % 3 === 0)
    .map((event, index) => (index % 2 === 0 ? { ...event, alarmMinutesBefore: 30 } : event));
  for (const detail of FEED_DETAILS) {
    const inTurns = await renderEventsInTurns(events, ORIGIN, detail, new TimeSlicer());
    expect({ detail, equal: Buffer.concat(inTurns).toString("utf8") === vevents(renderCalendar({ ...FRAME, events, detail })) }).toEqual({ detail, equal: true });
  }
});

test("loading in keyset pages gives the same events in the same order as one query, yielding between pages", async () => {
  const parsed = parseEventFilters(new URLSearchParams("q=a"));
  if (!parsed.ok) throw new Error("q=a did not parse");
  const resolved = await resolveEventFilters(parsed.value);
  if (!resolved.ok) throw new Error("q=a did not resolve");
  for (const where of [{}, resolved.value.where]) {
    const slicer = new TimeSlicer();
    const [paged, whole] = [await loadFeedEventsInPages(where, slicer), await loadFeedEvents(where)];
    expect(paged.map((event) => event.id)).toEqual(whole.map((event) => event.id));
    expect(paged).toEqual(whole);
    expect(slicer.yields).toEqual(Math.floor(whole.length / FEED_PAGE_ROWS) + 1);
  }
});

test("a build of the whole programme is not one synchronous block: other callbacks run while it renders", async () => {
  const events = await loadFeedEvents({});
  const queue = new FeedBuildQueue();
  let finished = false;
  let turnsDuringBuild = 0;
  let firstTurnBeforeEnd = false;
  // Scheduled before the build starts; with no I/O in it (events already loaded), these run only
  // if the build hands the event loop back.
  const tick = () => {
    if (finished) return;
    if (turnsDuringBuild === 0) firstTurnBeforeEnd = true;
    turnsDuringBuild += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const stop = watchTurns();
  await queue.render(FRAME, async () => events);
  finished = true;
  const longest = stop();
  delay.disable();
  console.info(`[feed build] whole programme: ${queue.yields} turns handed back, ${turnsDuringBuild} callbacks ran; event loop delay max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms; longest turn ${longest.wallMs.toFixed(0)} ms (${longest.cpuMs.toFixed(0)} ms of CPU)`);
  expect({ firstTurnBeforeEnd, manyTurns: turnsDuringBuild >= 10 }).toEqual({ firstTurnBeforeEnd: true, manyTurns: true });
});

test("two selections with the same events share one render; only the calendar's name differs", async () => {
  const before = feedBuildQueue.renders;
  const [all, range] = await Promise.all([feed(""), feed("?from=2017-06-10&to=2017-09-10")]);
  expect([all.status, range.status, feedBuildQueue.renders - before]).toEqual([200, 200, 1]);
  const [a, b] = [await all.text(), await range.text()];
  expect(a.slice(a.indexOf("BEGIN:VEVENT"))).toEqual(b.slice(b.indexOf("BEGIN:VEVENT")));
});

test("a burst of distinct large selections: builds queue one at a time, the excess gets 503 with Retry-After, and the event loop keeps turning", async () => {
  // Nine selections of most of the programme, each a different set of events.
  const queries = Array.from({ length: 9 }, (_, i) => `?from=2017-06-${String(11 + i).padStart(2, "0")}&to=2017-09-10`);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const stop = watchTurns();
  const answers = await Promise.all(queries.map((query) => feed(query)));
  const longest = stop();
  delay.disable();
  const statuses = answers.map((answer) => answer.status);
  const served = statuses.filter((status) => status === 200).length;
  // Figures, not assertions (timings depend on the machine): the longest stall of the event loop.
  console.info(`[feed burst] ${served} built, ${statuses.length - served} refused; event loop delay max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms; longest turn ${longest.wallMs.toFixed(0)} ms (${longest.cpuMs.toFixed(0)} ms of CPU)`);
  expect(served >= 1 && served <= MAX_WAITING_BUILDS + 1).toEqual(true);
  const refused = answers.filter((answer) => answer.status !== 200);
  expect(refused.map((answer) => [answer.status, answer.headers.get("retry-after")])).toEqual(refused.map(() => [503, "5"]));
});
