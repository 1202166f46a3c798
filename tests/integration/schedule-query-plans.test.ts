// Every list query over Event must be served by an index, and a page must cost a fixed number of
// queries however many events it shows (no query per event). The SQL examined is the SQL Prisma
// really sends, recorded by a client installed before lib/db creates its own.
import { vacuumAnalyzeEvents, createRecordingPrismaClient, explainQuery, type CapturedQuery } from "@/scripts/lib/query-plan";

const url = process.env.DATABASE_URL!;
const recording = createRecordingPrismaClient(url);
(globalThis as unknown as { prisma: unknown }).prisma = recording.client;

// Imported after the recording client is installed (lib/db reuses globalThis.prisma).
/* eslint-disable @typescript-eslint/no-require-imports */
const { listEvents } = require("@/lib/schedule/list-events") as typeof import("@/lib/schedule/list-events");
const { getScheduleView } = require("@/lib/schedule/schedule-view") as typeof import("@/lib/schedule/schedule-view");
const { getVenueSchedule } = require("@/lib/schedule/venues") as typeof import("@/lib/schedule/venues");
const { getNationalDay } = require("@/lib/schedule/national-days") as typeof import("@/lib/schedule/national-days");
const { getEventDetail } = require("@/lib/schedule/event-detail") as typeof import("@/lib/schedule/event-detail");
/* eslint-enable @typescript-eslint/no-require-imports */

async function eventQueriesOf(action: () => Promise<unknown>): Promise<CapturedQuery[]> {
  recording.queries.length = 0;
  await action();
  return recording.queries.filter((q) => /FROM "public"\."Event"/.test(q.query));
}

async function eventScans(action: () => Promise<unknown>) {
  const queries = await eventQueriesOf(action);
  expect(queries.length).toBeGreaterThan(0);
  const plans = await Promise.all(queries.map((q) => explainQuery(url, q)));
  return plans.flatMap((plan) => plan.scans).filter((scan) => scan.relation === "Event" || scan.relation === "(bitmap)");
}

beforeAll(() => vacuumAnalyzeEvents(url));
afterAll(() => recording.client.$disconnect());

describe("query plans", () => {
  const cases: [string, () => Promise<unknown>][] = [
    ["a day of the schedule", () => getScheduleView({ date: "2017-07-01" })],
    ["a day filtered by category and venue", () => getScheduleView({ date: "2017-08-26", category: "concert", venue: "central-concert-hall" })],
    ["now and next at a moment", () => getScheduleView({ at: "2017-07-01T19:00" })],
    ["the API's first page", () => listEvents(new URLSearchParams("limit=50"), "http://x")],
    ["the API's page after a cursor", async () => {
      const first = await listEvents(new URLSearchParams("date=2017-07-01&limit=5"), "http://x");
      if (!first.ok || !first.value.nextCursor) throw new Error("expected a second page");
      recording.queries.length = 0;
      await listEvents(new URLSearchParams(`date=2017-07-01&limit=5&cursor=${first.value.nextCursor}`), "http://x");
    }],
    ["a venue's events", () => getVenueSchedule("tent-01")],
    ["a national day's events", () => getNationalDay("pakistan-day")],
    ["an event and its venue's day", () => getEventDetail("mahler-symphony-no-8")],
  ];

  test.each(cases)("%s never scans the whole Event table", async (_name, action) => {
    const scans = await eventScans(action);
    expect(scans.filter((scan) => scan.nodeType === "Seq Scan")).toEqual([]);
    // A bitmap heap scan reads the rows its bitmap index scan (listed separately) found.
    expect(scans.filter((scan) => scan.nodeType !== "Bitmap Heap Scan").every((scan) => scan.index !== undefined)).toEqual(true);
  });

  // Searches are answered from the in-memory index (docs/decisions/024): the programme is read in
  // one query per version (all of it, so no index helps), and every search after that reads nothing.
  test("searches read the programme in one query per version, then send no query on Event", async () => {
    await listEvents(new URLSearchParams("q=warm"), "http://x");
    const queries = await eventQueriesOf(async () => {
      await getScheduleView({ q: "mahler" });
      await getScheduleView({ date: "2017-08-14", q: "pakistan", category: "culture" });
      await listEvents(new URLSearchParams("q=novosibirsk&limit=5"), "http://x");
    });
    expect(queries).toEqual([]);
  });
});

describe("queries per page", () => {
  test("a day page costs the same number of queries whatever the number of events", async () => {
    recording.queries.length = 0;
    const busy = await getScheduleView({ date: "2017-07-01" });
    const busyQueries = recording.queries.length;
    recording.queries.length = 0;
    const quiet = await getScheduleView({ date: "2017-07-01", venue: "astana-opera" });
    const quietQueries = recording.queries.length;
    expect(busy.events.length).toBeGreaterThan(quiet.events.length);
    expect(busyQueries).toBeLessThanOrEqual(quietQueries);
    expect(busyQueries).toBeLessThanOrEqual(8);
  });
});
