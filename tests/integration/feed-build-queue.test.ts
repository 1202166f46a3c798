import { monitorEventLoopDelay } from "node:perf_hooks";
import { GET as getPublicFeed } from "@/app/calendar/expo-2017.ics/route";
import { renderCalendarWithinBudget } from "@/lib/calendar/build-calendar";
import { FeedBuildQueue, feedBuildQueue, MAX_WAITING_BUILDS, SLICE_EVENTS } from "@/lib/calendar/feed-build-queue";
import { feedCache } from "@/lib/calendar/feed-cache";
import { loadFeedEvents } from "@/lib/calendar/public-feed";

const ORIGIN = "http://localhost:3000";
const feed = (query: string) => getPublicFeed(new Request(`${ORIGIN}/calendar/expo-2017.ics${query}`));

beforeEach(() => {
  feedCache.clear();
});

test("a sliced build is byte-identical to rendering the whole calendar at once, and yields between slices", async () => {
  const events = await loadFeedEvents({});
  const spec = { name: "EXPO 2017", baseUrl: ORIGIN, pageUrl: `${ORIGIN}/schedule`, events };
  const queue = new FeedBuildQueue();
  const sliced = await queue.render({ name: spec.name, baseUrl: spec.baseUrl, pageUrl: spec.pageUrl }, async () => events);
  const whole = renderCalendarWithinBudget(spec);
  expect({ detail: sliced.detail, equal: Buffer.from(sliced.bytes).equals(Buffer.from(whole.bytes)) }).toEqual({ detail: whole.detail, equal: true });
  expect(queue.slices).toEqual(Math.ceil(events.length / SLICE_EVENTS));
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
  const answers = await Promise.all(queries.map((query) => feed(query)));
  delay.disable();
  const statuses = answers.map((answer) => answer.status);
  const served = statuses.filter((status) => status === 200).length;
  // Figures, not assertions (timings depend on the machine): the longest stall of the event loop.
  console.info(`[feed burst] ${served} built, ${statuses.length - served} refused; event loop delay max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`);
  expect(served >= 1 && served <= MAX_WAITING_BUILDS + 1).toEqual(true);
  const refused = answers.filter((answer) => answer.status !== 200);
  expect(refused.map((answer) => [answer.status, answer.headers.get("retry-after")])).toEqual(refused.map(() => [503, "5"]));
});
