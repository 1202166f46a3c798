import { GET as getEvents } from "@/app/api/events/route";
import { GET as getEvent } from "@/app/api/events/[slug]/route";
import { GET as getNationalDays } from "@/app/api/national-days/route";
import { GET as getNationalDay } from "@/app/api/national-days/[slug]/route";
import { GET as getVenues } from "@/app/api/venues/route";
import { GET as getVenue } from "@/app/api/venues/[slug]/route";
import { prisma } from "@/lib/db";
import { encodeEventCursor } from "@/lib/schedule/list-events";
import type { EventJson } from "@/lib/schedule/event-row";
import { astanaDayRange } from "@/lib/time/astana";
import { resetTestEvents } from "../helpers/db";

const BASE = "http://expo.test";

async function callEvents(query: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await getEvents(new Request(`${BASE}/api/events?${query}`));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function slugParams(slug: string) {
  return { params: Promise.resolve({ slug }) };
}

async function allSlugsOfDay(date: string): Promise<string[]> {
  const { start, end } = astanaDayRange(date);
  const rows = await prisma.event.findMany({
    where: { startsAt: { gte: start, lt: end } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { slug: true },
  });
  return rows.map((row) => row.slug);
}

afterEach(resetTestEvents);

describe("GET /api/events", () => {
  test("an event answers with UTC instants, Astana local times with the 2017 offset, venue and url", async () => {
    const { status, body } = await callEvents("date=2017-08-26&q=mahler");
    expect(status).toEqual(200);
    expect(body).toEqual({
      events: [
        {
          slug: "mahler-symphony-no-8",
          title: "Mahler: Symphony No. 8",
          category: "culture",
          subcategory: "concert",
          startsAt: "2017-08-26T13:00:00.000Z",
          endsAt: "2017-08-26T15:00:00.000Z",
          localStart: "2017-08-26T19:00:00+06:00",
          localEnd: "2017-08-26T21:00:00+06:00",
          venue: { slug: "central-concert-hall", name: "Kazakhstan Central Concert Hall" },
          programme: null,
          status: "scheduled",
          admission: expect.any(String),
          timeIsIllustrative: true,
          url: `${BASE}/events/mahler-symphony-no-8`,
        },
      ],
      nextCursor: null,
    });
  });

  test("filters combine: day, category, venue and programme all apply", async () => {
    const { body } = await callEvents("date=2017-08-14&category=national-day&programme=pakistan-day&venue=expo-open-air-stage");
    const events = body.events as EventJson[];
    expect(events.map((e) => [e.slug, e.localStart, e.venue.slug, e.programme])).toEqual([
      ["pakistan-day-evening-concert", "2017-08-14T19:00:00+06:00", "expo-open-air-stage", "pakistan-day"],
    ]);
  });

  test("a sub-type category selects only that sub-type", async () => {
    const { body } = await callEvents("category=opera&limit=200");
    const events = body.events as EventJson[];
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.subcategory))).toEqual(new Set(["opera"]));
  });

  test("paging with the cursor walks a whole day without gaps or repeats", async () => {
    const expected = await allSlugsOfDay("2017-07-01");
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `date=2017-07-01&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const { status, body } = await callEvents(query);
      expect(status).toEqual(200);
      seen.push(...(body.events as EventJson[]).map((e) => e.slug));
      cursor = body.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 100);
    expect(expected.length).toBeGreaterThan(20);
    expect(seen).toEqual(expected);
    expect(pages).toEqual(Math.ceil(expected.length / 7));
  });

  test("paging keeps events that share a start time apart by id", async () => {
    const venue = await prisma.venue.findUniqueOrThrow({ where: { slug: "tent-01" }, select: { id: true } });
    const category = await prisma.category.findUniqueOrThrow({ where: { slug: "culture" }, select: { id: true } });
    const startsAt = new Date("2017-09-09T20:30:00.000Z");
    await prisma.event.createMany({
      data: ["a", "b", "c"].map((suffix) => ({
        slug: `test-same-start-${suffix}`,
        uid: `test-same-start-${suffix}@expo2017-schedule`,
        title: `Same start ${suffix}`,
        categoryId: category.id,
        venueId: venue.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3600_000),
        source: "GENERATED" as const,
        searchText: `zzsamestart ${suffix}`,
      })),
    });
    const first = await callEvents("q=zzsamestart&limit=2");
    const second = await callEvents(`q=zzsamestart&limit=2&cursor=${first.body.nextCursor as string}`);
    expect([...(first.body.events as EventJson[]), ...(second.body.events as EventJson[])].map((e) => e.slug)).toEqual([
      "test-same-start-a",
      "test-same-start-b",
      "test-same-start-c",
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  test("search matches performers and words in any order, case-insensitively", async () => {
    const { body } = await callEvents("q=NOVOSIBIRSK%20orchestra");
    expect((body.events as EventJson[]).map((e) => e.slug)).toEqual(["mahler-symphony-no-8"]);
  });

  test("search treats % and _ literally", async () => {
    const { body } = await callEvents("q=%25&limit=5");
    expect(body.events).toEqual([]);
  });

  test("a search with no date covers every day", async () => {
    const { body } = await callEvents("q=pakistan&limit=200");
    const days = new Set((body.events as EventJson[]).map((e) => e.localStart.slice(0, 10)));
    expect(days.size).toBeGreaterThan(1);
  });

  test("each bad parameter is named in a 400", async () => {
    const cases: [string, string[]][] = [
      ["date=2017-02-30", ["date"]],
      ["date=2018-08-14", ["date"]],
      ["category=knitting", ["category"]],
      ["venue=nowhere", ["venue"]],
      ["programme=no-such-day", ["programme"]],
      ["limit=10000", ["limit"]],
      [`q=${"a".repeat(201)}`, ["q"]],
      ["cursor=eyJzIjoiMjAxNy0wNi0xMFQwMDowMDowMC4wMDBaIiwiaSI6MX0.forged", ["cursor"]],
      ["date=2017-08-14&date=2017-08-15", ["date"]],
      ["from=2017-08-20&to=2017-08-10", ["to"]],
      ["date=yesterday&limit=-1&cursor=x", ["date", "limit", "cursor"]],
    ];
    for (const [query, parameters] of cases) {
      const { status, body } = await callEvents(query);
      expect({ query, status, parameters: (body.details as { parameter: string }[]).map((d) => d.parameter) }).toEqual({
        query,
        status: 400,
        parameters,
      });
      expect(typeof body.error).toEqual("string");
    }
  });

  test("a cursor signed with another key is a 400, a genuine one pages on", async () => {
    const forged = encodeEventCursor({ startsAt: new Date("2017-06-10T00:00:00Z"), id: 1 }, "someone-elses-key");
    expect((await callEvents(`cursor=${forged}`)).status).toEqual(400);
    const genuine = encodeEventCursor({ startsAt: new Date("2017-06-10T00:00:00Z"), id: 1 });
    expect((await callEvents(`cursor=${genuine}&limit=1`)).status).toEqual(200);
  });

  test("odd input never produces a 500", async () => {
    const queries = ["q=%00", "q=%27%3B%20DROP%20TABLE", "date=", "limit=1e3", "category=%F0%9F%98%80", "cursor=....", "from=2017-06-10T00:00"];
    const statuses = await Promise.all(queries.map(async (query) => (await callEvents(query)).status));
    expect(statuses.every((status) => status === 200 || status === 400)).toEqual(true);
  });
});

describe("GET /api/events/{slug}", () => {
  test("answers the event with description, performers and the venue's address", async () => {
    const response = await getEvent(new Request(`${BASE}/api/events/mahler-symphony-no-8`), slugParams("mahler-symphony-no-8"));
    const body = await response.json();
    expect(response.status).toEqual(200);
    expect({ slug: body.slug, performers: body.performers, venue: body.venue.slug, localStart: body.localStart }).toEqual({
      slug: "mahler-symphony-no-8",
      performers: ["Symphonic orchestra of 800 musicians from Novosibirsk", "Mikhailovsky Opera", "Local Astana companies"],
      venue: "central-concert-hall",
      localStart: "2017-08-26T19:00:00+06:00",
    });
  });

  test("an unknown or malformed slug is a 404 in JSON", async () => {
    for (const slug of ["no-such-event", "../etc/passwd", "x".repeat(300)]) {
      const response = await getEvent(new Request(`${BASE}/api/events/x`), slugParams(slug));
      expect(response.status).toEqual(404);
      expect((await response.json()).error).toMatch(/^No event/);
    }
  });
});

describe("GET /api/venues and /api/venues/{slug}", () => {
  test("lists every venue with kind and location", async () => {
    const response = await getVenues(new Request(`${BASE}/api/venues`));
    const body = await response.json();
    expect(body.venues.length).toEqual(await prisma.venue.count());
    expect(body.venues.find((v: { slug: string }) => v.slug === "astana-opera")).toEqual({
      slug: "astana-opera",
      name: "Astana Opera",
      kind: "theatre",
      description: expect.any(String),
      address: expect.any(String),
      latitude: expect.any(Number),
      longitude: expect.any(Number),
      url: `${BASE}/venues/astana-opera`,
    });
  });

  test("a venue answers its events in time order", async () => {
    const response = await getVenue(new Request(`${BASE}/api/venues/astana-opera`), slugParams("astana-opera"));
    const body = await response.json();
    const starts = body.events.map((e: EventJson) => e.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(body.events.map((e: EventJson) => e.slug)).toContain("la-scala-in-astana");
  });

  test("an unknown venue is a 404", async () => {
    const response = await getVenue(new Request(`${BASE}/api/venues/nowhere`), slugParams("nowhere"));
    expect(response.status).toEqual(404);
  });
});

describe("GET /api/national-days", () => {
  test("Pakistan Day answers its date, timeline and events of 14 August", async () => {
    const response = await getNationalDay(new Request(`${BASE}/api/national-days/pakistan-day`), slugParams("pakistan-day"));
    const body = await response.json();
    expect(response.status).toEqual(200);
    expect({ slug: body.slug, date: body.date, country: body.country, url: body.url }).toEqual({
      slug: "pakistan-day",
      date: "2017-08-14",
      country: "Pakistan",
      url: `${BASE}/pakistan-day`,
    });
    expect(body.timeline[0]).toEqual({ date: "1992-02-24", dateLabel: "24 February 1992", text: expect.any(String) });
    expect(new Set(body.events.map((e: EventJson) => e.localStart.slice(0, 10)))).toEqual(new Set(["2017-08-14"]));
    expect(body.events.map((e: EventJson) => e.localStart)).toContain("2017-08-14T19:00:00+06:00");
  });

  test("a programme that is not a national day is a 404", async () => {
    const response = await getNationalDay(new Request(`${BASE}/api/national-days/x`), slugParams("eurasia-dance-festival"));
    expect(response.status).toEqual(404);
  });

  test("the list names every national day with its page", async () => {
    const body = await (await getNationalDays(new Request(`${BASE}/api/national-days`))).json();
    expect(body.nationalDays).toEqual([
      { slug: "pakistan-day", name: "Pakistan Day at EXPO 2017", country: "Pakistan", date: "2017-08-14", url: `${BASE}/pakistan-day` },
    ]);
  });
});
