import { decodeEventCursor, encodeEventCursor } from "@/lib/schedule/list-events";
import { parsePaging } from "@/lib/schedule/list-events";
import { momentSchema } from "@/lib/schedule/schedule-view";
import { scheduleHref } from "@/lib/http/paths";
import { zonedTimeToUtc } from "@/lib/time/astana";
import { formatTimeInZone, formatTimeRangeInZone, isValidTimeZone, longDayLabel, shortDayLabel, zoneCityLabel } from "@/lib/time/format";

describe("formatTimeInZone", () => {
  const evening = zonedTimeToUtc("2017-08-14", "19:00");

  test("an August 2017 evening in Astana shows the 2017 offset UTC+6", () => {
    expect(evening.toISOString()).toEqual("2017-08-14T13:00:00.000Z");
    expect(formatTimeInZone(evening)).toEqual("19:00 Astana, UTC+6");
  });

  test("the same instant in London shows London summer time", () => {
    expect(formatTimeInZone(evening, "Europe/London")).toEqual("14:00 London, UTC+1");
  });

  test("a zone already on the next day names that day", () => {
    const late = zonedTimeToUtc("2017-08-14", "22:00");
    expect(formatTimeInZone(late, "Asia/Tokyo")).toEqual("Tue 15 Aug, 01:00 Tokyo, UTC+9");
  });

  test("UTC is shown without a repeated offset", () => {
    expect(formatTimeInZone(evening, "UTC")).toEqual("13:00 UTC");
  });

  test("a range shows start and end with the start's offset", () => {
    const end = zonedTimeToUtc("2017-08-14", "21:00");
    expect(formatTimeRangeInZone(evening, end)).toEqual("19:00–21:00 Astana, UTC+6");
  });

  test("a range ending after midnight in the display zone says so", () => {
    const start = zonedTimeToUtc("2017-08-14", "21:00");
    const end = zonedTimeToUtc("2017-08-14", "23:30");
    expect(formatTimeRangeInZone(start, end, "Asia/Tokyo")).toEqual("Tue 15 Aug, 00:00–02:30 Tokyo, UTC+9");
  });

  test("zone names become city labels and unknown zones are rejected", () => {
    expect([zoneCityLabel("America/New_York"), zoneCityLabel("Asia/Almaty"), zoneCityLabel("Etc/UTC")]).toEqual([
      "New York",
      "Astana",
      "UTC",
    ]);
    expect([isValidTimeZone("Europe/Paris"), isValidTimeZone("Mars/Olympus"), isValidTimeZone("")]).toEqual([true, false, false]);
  });
});

describe("event cursor", () => {
  const cursor = { startsAt: new Date("2017-08-14T13:00:00.000Z"), id: 42 };

  test("a cursor this server issued decodes to the same position", () => {
    expect(decodeEventCursor(encodeEventCursor(cursor, "key-a"), "key-a")).toEqual(cursor);
  });

  test("a cursor signed with another key is rejected", () => {
    expect(decodeEventCursor(encodeEventCursor(cursor, "key-a"), "key-b")).toBeNull();
  });

  test("a cursor whose payload was edited is rejected", () => {
    const [, signature] = encodeEventCursor(cursor, "key-a").split(".");
    const forged = Buffer.from(JSON.stringify({ s: "2017-06-10T00:00:00.000Z", i: 1 })).toString("base64url");
    expect(decodeEventCursor(`${forged}.${signature}`, "key-a")).toBeNull();
  });

  test("garbage is rejected", () => {
    expect(["", "abc", "a.b.c", "x".repeat(500), "%%%.###"].map((token) => decodeEventCursor(token, "key-a"))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("parsePaging", () => {
  test("no limit gives the default and no cursor", () => {
    expect(parsePaging(new URLSearchParams(""))).toEqual({ ok: true, value: { limit: 50, after: null } });
  });

  test("limits outside 1..200 and non-numbers are named problems", () => {
    expect([parsePaging(new URLSearchParams("limit=10000")), parsePaging(new URLSearchParams("limit=0")), parsePaging(new URLSearchParams("limit=ten"))]).toEqual([
      { ok: false, details: [{ parameter: "limit", message: "must be at most 200" }] },
      { ok: false, details: [{ parameter: "limit", message: "must be at least 1" }] },
      { ok: false, details: [{ parameter: "limit", message: "must be a whole number" }] },
    ]);
  });

  test("a forged cursor is a named problem", () => {
    expect(parsePaging(new URLSearchParams("cursor=eyJzIjoiMjAxNyJ9.AAAA"))).toEqual({
      ok: false,
      details: [{ parameter: "cursor", message: "is not a cursor this server issued" }],
    });
  });
});

describe("momentSchema", () => {
  test("an Astana wall-clock moment becomes its UTC instant", () => {
    const parsed = momentSchema.parse("2017-07-01T19:00");
    expect(parsed).toEqual({ local: "2017-07-01T19:00", date: "2017-07-01", instant: new Date("2017-07-01T13:00:00.000Z") });
  });

  test("moments outside the expo or malformed are rejected with a message", () => {
    const messages = ["2017-05-01T19:00", "2017-07-01T25:00", "tonight"].map(
      (value) => momentSchema.safeParse(value).error?.issues[0].message,
    );
    expect(messages).toEqual([
      "2017-05-01T19:00 is not during the expo (2017-06-10 to 2017-09-10)",
      '"2017-07-01T25:00" is not a date and time (use YYYY-MM-DDTHH:MM, Astana time)',
      '"tonight" is not a date and time (use YYYY-MM-DDTHH:MM, Astana time)',
    ]);
  });
});

describe("scheduleHref", () => {
  test("keeps the selection in a fixed order and drops empty values", () => {
    expect(scheduleHref({ q: "mahler", date: "2017-08-14", venue: "", category: "culture" })).toEqual(
      "/schedule?date=2017-08-14&category=culture&q=mahler",
    );
    expect(scheduleHref({})).toEqual("/schedule");
  });
});

describe("day labels", () => {
  test("long and short day labels are the same on every ICU version", () => {
    expect([longDayLabel("2017-08-14"), shortDayLabel("2017-08-14")]).toEqual(["Monday 14 August 2017", "Mon 14 Aug"]);
  });
});
