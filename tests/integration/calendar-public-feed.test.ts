import { GET as getEventFile, HEAD as headEventFile } from "@/app/calendar/events/[file]/route";
import { GET as getPublicFeed, HEAD as headPublicFeed } from "@/app/calendar/expo-2017.ics/route";
import { GET as getApiEvents } from "@/app/api/events/route";
import { FEED_BYTE_BUDGET } from "@/lib/calendar/build-calendar";
import { feedCache } from "@/lib/calendar/feed-cache";
import { cancelEvent, moveEventToVenue, reinstateEvent, rescheduleEvent } from "@/lib/programme/event-changes";
import { prisma } from "@/lib/db";
import { resetTestEvents } from "../helpers/db";
import { createTestEvent } from "../helpers/test-events";
import { instantsOfDatabase, instantsOfFeed, parseFeed } from "./calendar-feed-helpers";

const ORIGIN = "http://localhost:3000";

function feedRequest(query = "", headers: Record<string, string> = {}, method = "GET"): Request {
  return new Request(`${ORIGIN}/calendar/expo-2017.ics${query}`, { method, headers });
}

function eventFile(file: string, headers: Record<string, string> = {}, method = "GET") {
  return [new Request(`${ORIGIN}/calendar/events/${file}`, { method, headers }), { params: Promise.resolve({ file }) }] as const;
}

afterEach(async () => {
  await resetTestEvents();
});

describe("GET /calendar/expo-2017.ics?programme=pakistan-day", () => {
  it("holds Pakistan Day's events at their stored instants, the 19:00 Astana concert at 13:00Z", async () => {
    const response = await getPublicFeed(feedRequest("?programme=pakistan-day"));
    expect(response.status).toEqual(200);
    expect(response.headers.get("content-type")).toEqual("text/calendar; charset=utf-8");
    expect(response.headers.get("location")).toBeNull();
    const { calendar, events } = parseFeed(await response.text());
    expect(calendar["WR-CALNAME"]).toEqual("EXPO 2017 — Pakistan Day");
    expect(calendar["WR-TIMEZONE"]).toEqual("Asia/Almaty");
    expect(calendar.method).toEqual("PUBLISH");
    const programme = await prisma.programme.findUniqueOrThrow({ where: { slug: "pakistan-day" }, select: { id: true } });
    expect(instantsOfFeed(events)).toEqual(await instantsOfDatabase({ programmeId: programme.id }));
    const concert = events.find((event) => event.uid === "pakistan-day-evening-concert@expo2017-schedule");
    expect([concert?.start.toISOString(), concert?.end?.toISOString().slice(0, 11)]).toEqual([
      "2017-08-14T13:00:00.000Z",
      "2017-08-14T",
    ]);
  });

  it("writes each event's page link at the end of its description", async () => {
    const { events } = parseFeed(await (await getPublicFeed(feedRequest("?programme=pakistan-day"))).text());
    for (const event of events) {
      const slug = event.uid.replace(/@expo2017-schedule$/, "");
      expect(String(event.description).endsWith(`${ORIGIN}/events/${slug}`)).toBe(true);
    }
  });
});

describe("GET /calendar/expo-2017.ics for the whole programme", () => {
  it("stays under 1 MB and holds every event at its stored instants", async () => {
    const response = await getPublicFeed(feedRequest());
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBeLessThan(FEED_BYTE_BUDGET);
    const { calendar, events } = parseFeed(new TextDecoder().decode(bytes));
    expect(calendar["WR-CALNAME"]).toEqual("EXPO 2017 — Full programme");
    expect(events.length).toBeGreaterThanOrEqual(3000);
    expect(instantsOfFeed(events)).toEqual(await instantsOfDatabase({}));
  });

  it("links every event to its page through a short link that resolves to that event", async () => {
    const { events } = parseFeed(await (await getPublicFeed(feedRequest())).text());
    const rows = await prisma.event.findMany({ select: { id: true, uid: true } });
    const idByUid = new Map(rows.map((row) => [row.uid, row.id]));
    const mismatched = events.filter((event) => {
      const url = typeof event.url === "string" ? event.url : (event.url as { val?: string } | undefined)?.val;
      return url !== `${ORIGIN}/e/${idByUid.get(event.uid)}`;
    });
    expect(mismatched.map((event) => event.uid)).toEqual([]);
  });

  it("renders byte-identical feeds for unchanged data, even after the stored copy is dropped", async () => {
    const first = await (await getPublicFeed(feedRequest("?venue=astana-opera"))).text();
    feedCache.clear();
    const second = await (await getPublicFeed(feedRequest("?venue=astana-opera"))).text();
    expect(second).toEqual(first);
  });

  it("accepts the filters of /schedule and names a combined selection", async () => {
    const response = await getPublicFeed(feedRequest("?category=culture&from=2017-08-01&to=2017-08-31&q=concert"));
    const { calendar, events } = parseFeed(await response.text());
    expect(calendar["WR-CALNAME"]).toEqual("EXPO 2017 — Culture, 1 Aug 2017 to 31 Aug 2017, “concert”");
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.start >= new Date("2017-07-31T18:00:00Z") && event.start < new Date("2017-08-31T18:00:00Z")).toBe(true);
    }
  });
});

describe("one stored feed per selection", () => {
  it("builds a search once for every spelling of the same words", async () => {
    const builds = feedCache.buildCount;
    const first = await getPublicFeed(feedRequest("?q=Mahler"));
    const second = await getPublicFeed(feedRequest("?q=mahler%20%20mahler"));
    const third = await getPublicFeed(feedRequest("?q=%20MAHLER%09mahler%20"));
    expect(feedCache.buildCount).toEqual(builds + 1);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(second.headers.get("etag")).toEqual(first.headers.get("etag"));
    expect(third.headers.get("etag")).toEqual(first.headers.get("etag"));
    const { calendar, events } = parseFeed(await first.text());
    expect(calendar["WR-CALNAME"]).toEqual("EXPO 2017 — “mahler”");
    expect(events.map((event) => event.uid)).toEqual(["mahler-symphony-no-8@expo2017-schedule"]);
  });

  it("names a search by its folded words: a comma, semicolon or backslash never reaches the calendar name", async () => {
    // Search words are folded (lib/schedule/search-text.ts), so punctuation separates words; the
    // TEXT escaping of names is covered in tests/unit/calendar-build.test.ts.
    const response = await getPublicFeed(feedRequest(`?q=${encodeURIComponent("mahler, 8; a\\b")}`));
    expect(response.status).toEqual(200);
    const ics = await response.text();
    expect(ics.replace(/\r\n /g, "")).toContain("\r\nX-WR-CALNAME:EXPO 2017 — “8 a b mahler”\r\n");
    expect(parseFeed(ics).calendar["WR-CALNAME"]).toEqual("EXPO 2017 — “8 a b mahler”");
  });
});

describe("validation like /api/events", () => {
  it.each([
    ["?from=2017-13-01", "from"],
    ["?programme=no-such-day", "programme"],
    ["?venue=Bad Slug", "venue"],
    ["?category=culture&category=sport", "category"],
  ])("answers %s with the same 400 as /api/events", async (query, parameter) => {
    const feed = await getPublicFeed(feedRequest(query));
    const api = await getApiEvents(new Request(`${ORIGIN}/api/events${query}`));
    const body = await feed.json();
    expect(feed.status).toEqual(400);
    expect(body).toEqual(await api.json());
    expect(body.details.map((detail: { parameter: string }) => detail.parameter)).toEqual([parameter]);
  });
});

describe("conditional requests and HEAD", () => {
  it("answers If-None-Match and If-Modified-Since with 304 without building the feed again", async () => {
    const first = await getPublicFeed(feedRequest("?venue=tent-01"));
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const builds = feedCache.buildCount;

    const byEtag = await getPublicFeed(feedRequest("?venue=tent-01", { "If-None-Match": etag }));
    const byDate = await getPublicFeed(feedRequest("?venue=tent-01", { "If-Modified-Since": lastModified }));
    expect([byEtag.status, byDate.status]).toEqual([304, 304]);
    expect(await byEtag.text()).toEqual("");
    expect(byEtag.headers.get("etag")).toEqual(etag);
    expect(feedCache.buildCount).toEqual(builds);
  });

  it("sends a shared-cache rule with the public feed", async () => {
    const response = await getPublicFeed(feedRequest("?venue=tent-01"));
    expect(response.headers.get("cache-control")).toEqual("public, max-age=900");
  });

  it("answers HEAD with the GET's headers and no body", async () => {
    const get = await getPublicFeed(feedRequest("?venue=tent-02"));
    const head = await headPublicFeed(feedRequest("?venue=tent-02", {}, "HEAD"));
    expect(head.status).toEqual(200);
    expect(head.headers.get("etag")).toEqual(get.headers.get("etag"));
    expect(head.headers.get("content-length")).toEqual(String((await get.arrayBuffer()).byteLength));
    expect(await head.text()).toEqual("");
  });
});

describe("changes reach subscribers", () => {
  it("raises SEQUENCE after a reschedule and a cancellation, with new validators that never go back in time", async () => {
    const id = await createTestEvent("test-feed-reschedule", "2017-07-20T13:00:00Z", "2017-07-20T14:00:00Z");
    const query = "?venue=astana-opera&date=2017-07-20";
    const read = async () => {
      const response = await getPublicFeed(feedRequest(query));
      const { events } = parseFeed(await response.text());
      const event = events.find((item) => item.uid === "test-feed-reschedule@expo2017-schedule");
      return { event, etag: response.headers.get("etag"), lastModified: Date.parse(response.headers.get("last-modified")!) };
    };
    const before = await read();
    expect(before.event?.sequence).toEqual(0);

    await rescheduleEvent(id, new Date("2017-07-20T15:00:00Z"), new Date("2017-07-20T16:00:00Z"));
    const moved = await read();
    expect([moved.event?.sequence, moved.event?.start.toISOString()]).toEqual([1, "2017-07-20T15:00:00.000Z"]);
    expect(moved.etag).not.toEqual(before.etag);
    expect(moved.lastModified).toBeGreaterThan(before.lastModified);
    expect((await getPublicFeed(feedRequest(query, { "If-None-Match": before.etag! }))).status).toEqual(200);

    await cancelEvent(id);
    const cancelled = await read();
    expect([cancelled.event?.sequence, cancelled.event?.status]).toEqual([2, "CANCELLED"]);
    expect(cancelled.lastModified).toBeGreaterThan(moved.lastModified);

    await reinstateEvent(id);
    expect((await read()).event?.sequence).toEqual(3);
  });

  it("raises SEQUENCE when the event moves to another venue, and the venue feeds follow", async () => {
    const id = await createTestEvent("test-feed-move", "2017-07-22T13:00:00Z", "2017-07-22T14:00:00Z", "astana-opera");
    const uidsAt = async (venue: string) =>
      parseFeed(await (await getPublicFeed(feedRequest(`?venue=${venue}&date=2017-07-22`))).text()).events.map((event) => event.uid);
    expect(await uidsAt("astana-opera")).toContain("test-feed-move@expo2017-schedule");
    const target = await prisma.venue.findUniqueOrThrow({ where: { slug: "tent-01" }, select: { id: true, name: true } });
    expect(await moveEventToVenue(id, target.id)).toEqual({ changed: ["venueId"], sequence: 1 });
    expect(await uidsAt("astana-opera")).not.toContain("test-feed-move@expo2017-schedule");
    expect(await uidsAt("tent-01")).toContain("test-feed-move@expo2017-schedule");
    const stored = await prisma.event.findUniqueOrThrow({ where: { id }, select: { searchText: true } });
    expect(stored.searchText.endsWith(target.name.toLowerCase())).toBe(true);
  });

  it("leaves SEQUENCE alone when a change alters nothing", async () => {
    const id = await createTestEvent("test-feed-same-time", "2017-07-21T13:00:00Z", "2017-07-21T14:00:00Z");
    expect(await rescheduleEvent(id, new Date("2017-07-21T13:00:00Z"), new Date("2017-07-21T14:00:00Z"))).toEqual({
      changed: [],
      sequence: 0,
    });
  });
});

describe("GET /calendar/events/{slug}.ics", () => {
  it("downloads one event with its stored UID and instants", async () => {
    const response = await getEventFile(...eventFile("pakistan-day-evening-concert.ics"));
    expect(response.status).toEqual(200);
    expect(response.headers.get("content-disposition")).toEqual('attachment; filename="pakistan-day-evening-concert.ics"');
    const { calendar, events } = parseFeed(await response.text());
    expect(instantsOfFeed(events)).toEqual(await instantsOfDatabase({ slug: "pakistan-day-evening-concert" }));
    expect(String(calendar["WR-CALNAME"]).startsWith("EXPO 2017 — ")).toBe(true);
  });

  it("never derives the UID from the request's host", async () => {
    const [request, context] = eventFile("pakistan-day-evening-concert.ics");
    const elsewhere = new Request(request.url.replace("localhost:3000", "evil.example"));
    const { events } = parseFeed(await (await getEventFile(elsewhere, context)).text());
    expect(events.map((event) => event.uid)).toEqual(["pakistan-day-evening-concert@expo2017-schedule"]);
  });

  it("answers HEAD and 304 like the feeds", async () => {
    const get = await getEventFile(...eventFile("mahler-symphony-no-8.ics"));
    const head = await headEventFile(...eventFile("mahler-symphony-no-8.ics", {}, "HEAD"));
    const conditional = await getEventFile(...eventFile("mahler-symphony-no-8.ics", { "If-None-Match": get.headers.get("etag")! }));
    expect([head.status, await head.text(), conditional.status]).toEqual([200, "", 304]);
  });

  it.each(["no-such-event.ics", "pakistan-day-evening-concert.txt", "pakistan-day-evening-concert", "..%2Fsecret.ics"])(
    "answers %s with a plain 404",
    async (file) => {
      const response = await getEventFile(...eventFile(file));
      expect([response.status, response.headers.get("location")]).toEqual([404, null]);
    },
  );
});
