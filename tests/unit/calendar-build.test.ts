import ical, { type VEvent } from "node-ical";
import {
  FEED_BYTE_BUDGET,
  renderCalendar,
  renderCalendarWithinBudget,
  type CalendarSpec,
  type FeedEvent,
} from "@/lib/calendar/build-calendar";
import { calendarName } from "@/lib/calendar/feed-text";
import { selectionCalendarName } from "@/lib/calendar/public-feed";
import { feedText, shortDescription } from "@/lib/calendar/feed-text";
import { zonedTimeToUtc } from "@/lib/time/astana";

const BASE = "https://expo.example";

function feedEvent(overrides: Partial<FeedEvent> = {}): FeedEvent {
  return {
    id: 42,
    uid: "pakistan-day-concert@expo2017-schedule",
    slug: "pakistan-day-concert",
    title: "Pakistan Day concert",
    description: "An evening concert of Pakistani music. Second sentence with more detail.",
    startsAt: zonedTimeToUtc("2017-08-14", "19:00"),
    endsAt: zonedTimeToUtc("2017-08-14", "21:00"),
    status: "SCHEDULED",
    sequence: 0,
    updatedAt: new Date("2017-05-02T08:30:00.000Z"),
    venue: { name: "Astana Opera", address: "1 Kunayev Street, Astana", latitude: 51.1284, longitude: 71.4164 },
    categories: ["National day", "Concert"],
    ...overrides,
  };
}

function spec(events: FeedEvent[], overrides: Partial<CalendarSpec> = {}): CalendarSpec {
  return { name: "EXPO 2017 — Pakistan Day", baseUrl: BASE, pageUrl: `${BASE}/schedule`, events, detail: "full", ...overrides };
}

function vevents(ics: string): VEvent[] {
  return Object.values(ical.sync.parseICS(ics)).filter((item): item is VEvent => item?.type === "VEVENT");
}

function urlOf(event: VEvent): string | undefined {
  const url = event.url as unknown;
  return typeof url === "string" ? url : (url as { val?: string } | undefined)?.val;
}

describe("renderCalendar", () => {
  it("writes a 19:00 Astana time on 14 August 2017 as 13:00Z", () => {
    const ics = renderCalendar(spec([feedEvent()]));
    expect(ics).toContain("\r\nDTSTART:20170814T130000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20170814T150000Z\r\n");
    expect(ics).not.toContain("TZID");
    const [event] = vevents(ics);
    expect(event.start.toISOString()).toEqual("2017-08-14T13:00:00.000Z");
    expect(event.end?.toISOString()).toEqual("2017-08-14T15:00:00.000Z");
  });

  it("renders the same input to byte-identical output", () => {
    const events = [feedEvent(), feedEvent({ uid: "b@expo2017-schedule", slug: "b", status: "CANCELLED", sequence: 3 })];
    expect(renderCalendar(spec(events))).toEqual(renderCalendar(spec(events.map((event) => ({ ...event })))));
  });

  it("writes the calendar properties clients need", () => {
    const ics = renderCalendar(spec([feedEvent()]));
    const lines = ics.split("\r\n");
    expect(lines.slice(0, 3)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//expo2017-schedule//EXPO 2017 Astana calendar feeds//EN"]);
    expect(lines).toEqual(
      expect.arrayContaining([
        "METHOD:PUBLISH",
        "X-WR-CALNAME:EXPO 2017 — Pakistan Day",
        "X-WR-TIMEZONE:Asia/Almaty",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
      ]),
    );
    // Calendar properties come before the first component (RFC 5545 §3.4).
    expect(lines.indexOf("X-WR-TIMEZONE:Asia/Almaty")).toBeLessThan(lines.indexOf("BEGIN:VEVENT"));
  });

  it("writes the stored UID, SEQUENCE, change stamps, status, place, link and categories of an event", () => {
    const [event] = vevents(renderCalendar(spec([feedEvent({ sequence: 4, status: "CANCELLED" })])));
    expect({
      uid: event.uid,
      sequence: event.sequence,
      dtstamp: event.dtstamp.toISOString(),
      lastModified: event.lastmodified?.toISOString(),
      status: event.status,
      summary: event.summary,
      description: event.description,
      location: event.location,
      geo: event.geo,
      url: urlOf(event),
      categories: event.categories,
    }).toEqual({
      uid: "pakistan-day-concert@expo2017-schedule",
      sequence: 4,
      dtstamp: "2017-05-02T08:30:00.000Z",
      lastModified: "2017-05-02T08:30:00.000Z",
      status: "CANCELLED",
      summary: "Cancelled: Pakistan Day concert",
      description: "An evening concert of Pakistani music.\nhttps://expo.example/events/pakistan-day-concert",
      location: "Astana Opera\n1 Kunayev Street, Astana",
      geo: { lat: 51.1284, lon: 71.4164 },
      url: "https://expo.example/events/pakistan-day-concert",
      categories: ["National day", "Concert"],
    });
  });

  it("keeps a title containing CRLF BEGIN:VEVENT inside one event, and cleans the calendar name", () => {
    const ics = renderCalendar(
      spec([feedEvent({ title: "Gala\r\nBEGIN:VEVENT\r\nUID:evil", description: "Text\r\nEND:VEVENT\u0000\u0007" })], {
        name: "EXPO 2017 — Evil\r\nBEGIN:VEVENT\nSUMMARY:x",
      }),
    );
    expect(ics.split("\r\n").filter((line) => line === "BEGIN:VEVENT")).toEqual(["BEGIN:VEVENT"]);
    expect(ics.split("\r\n").filter((line) => line.startsWith("UID:"))).toEqual(["UID:pakistan-day-concert@expo2017-schedule"]);
    expect(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(ics.replace(/\r\n/g, ""))).toBe(false);
    const events = vevents(ics);
    expect(events.map((event) => event.summary)).toEqual(["Gala BEGIN:VEVENT UID:evil"]);
    expect(ics).toContain("\r\nX-WR-CALNAME:EXPO 2017 — Evil BEGIN:VEVENT SUMMARY:x\r\n");
  });

  it("escapes backslash, semicolon and comma in the calendar's name and description exactly once", () => {
    const name = "EXPO 2017 — Opera, ballet; “a\\b\\,c”";
    const ics = renderCalendar(spec([feedEvent()], { name, pageUrl: `${BASE}/schedule?q=a,b;c` }));
    const lines = ics.replace(/\r\n /g, "").split("\r\n"); // unfolded
    expect(lines.filter((line) => /^(NAME|X-WR-CALNAME|X-WR-CALDESC):/.test(line))).toEqual([
      "NAME:EXPO 2017 — Opera\\, ballet\\; “a\\\\b\\\\\\,c”",
      "X-WR-CALNAME:EXPO 2017 — Opera\\, ballet\\; “a\\\\b\\\\\\,c”",
      `X-WR-CALDESC:Details of every event: ${BASE}/schedule?q=a\\,b\\;c`,
    ]);
    const calendar = ical.sync.parseICS(ics).vcalendar as unknown as Record<string, unknown>;
    expect([calendar["WR-CALNAME"], calendar["WR-CALDESC"]]).toEqual([name, `Details of every event: ${BASE}/schedule?q=a,b;c`]);
  });

  it("leaves the venue address, GEO, description and categories out of the compact form but keeps a short link", () => {
    const [event] = vevents(renderCalendar(spec([feedEvent()], { detail: "compact" })));
    expect([event.location, event.geo, event.description, event.categories, urlOf(event)]).toEqual([
      "Astana Opera",
      undefined,
      undefined,
      undefined,
      "https://expo.example/e/42",
    ]);
  });

  it("writes STATUS:CANCELLED even in the minimal form", () => {
    const ics = renderCalendar(spec([feedEvent({ status: "CANCELLED", sequence: 1 })], { detail: "minimal" }));
    expect(ics).toContain("\r\nSTATUS:CANCELLED\r\n");
    expect(ics).toContain("\r\nSEQUENCE:1\r\n");
    expect(ics).not.toContain("URL;VALUE=URI:");
    expect(ics).toContain("\r\nURL:https://expo.example/schedule\r\n");
  });
});

describe("renderCalendarWithinBudget", () => {
  const many = Array.from({ length: 3200 }, (_, i) =>
    feedEvent({
      id: 100000 + i,
      uid: `tent-07-kuy-evening-with-dombra-${i}-2017-07-15-1900@expo2017-schedule`,
      slug: `tent-07-kuy-evening-with-dombra-${i}-2017-07-15-1900`,
      title: `Kuy evening with dombra and kobyz players, part ${i}`,
      venue: { name: "Tent 07 (Expo Boulevard)", address: "EXPO 2017 site, Mangilik Yel Avenue, Astana", latitude: 51.09, longitude: 71.41 },
    }),
  );

  it("keeps the full form for a small selection", () => {
    expect(renderCalendarWithinBudget(spec(many.slice(0, 10))).detail).toEqual("full");
  });

  it("keeps a short link per event when that fits the budget", () => {
    const rendered = renderCalendarWithinBudget(spec(many.slice(0, 2500), { baseUrl: "https://expo2017-schedule.example.kz" }));
    expect(rendered.bytes.length).toBeLessThan(FEED_BYTE_BUDGET);
    expect(rendered.detail).toEqual("compact");
  });

  it("falls back to no per-event link rather than exceed 1 MB for 3,200 very long events", () => {
    const rendered = renderCalendarWithinBudget(spec(many, { baseUrl: "https://expo2017-schedule.example.kz" }));
    expect(rendered.bytes.length).toBeLessThan(FEED_BYTE_BUDGET);
    expect(rendered.detail).toEqual("minimal");
    expect(vevents(new TextDecoder().decode(rendered.bytes))).toHaveLength(3200);
  });
});

describe("feed text", () => {
  it("turns line breaks into spaces and drops other control characters", () => {
    expect(feedText(" A\r\nB\u2028C\tD\u0000E\u001bF\u007f ")).toEqual("A B C DEF");
  });

  it("keeps the first sentence of a description, cut at a word when long", () => {
    expect(shortDescription("First one. Second one.")).toEqual("First one.");
    expect(shortDescription(`${"word ".repeat(40)}end.`, 30)).toEqual("word word word word word…");
  });
});

describe("calendar names", () => {
  it("names Pakistan Day's feed after the national day", () => {
    expect(selectionCalendarName({ programme: "pakistan-day", q: undefined }, { programme: "Pakistan Day at EXPO 2017" })).toEqual(
      "EXPO 2017 — Pakistan Day",
    );
  });

  it("names the unfiltered programme and combined selections", () => {
    expect(selectionCalendarName({ q: undefined }, {})).toEqual("EXPO 2017 — Full programme");
    expect(
      selectionCalendarName({ category: "culture", venue: "astana-opera", from: "2017-07-01", to: "2017-07-31", q: "mahler" }, {
        category: "Culture",
        venue: "Astana Opera",
      }),
    ).toEqual("EXPO 2017 — Culture, Astana Opera, 1 Jul 2017 to 31 Jul 2017, “mahler”");
    expect(calendarName(["My itinerary"])).toEqual("EXPO 2017 — My itinerary");
  });
});
