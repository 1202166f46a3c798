// A page's 500 becomes 503 only while the database is known to be away, and API routes and feeds
// (which answer their own 503 JSON) are never touched.
import { isDatabaseKnownDown, noteDatabaseUnavailable } from "@/lib/http/database-outage";
import { shouldAnswerUnavailable } from "@/lib/http/page-outage-status";

const parked = globalThis as unknown as { expoProgrammeVersion?: { connectionLost?: boolean } };

afterEach(() => {
  delete parked.expoProgrammeVersion;
  noteDatabaseUnavailable(0);
});

describe("isDatabaseKnownDown", () => {
  it("is false with a listening connection and no recent outage error", () => {
    parked.expoProgrammeVersion = { connectionLost: false };
    expect(isDatabaseKnownDown(1_000_000)).toBe(false);
  });

  it("is true while the LISTEN connection is lost", () => {
    parked.expoProgrammeVersion = { connectionLost: true };
    expect(isDatabaseKnownDown(1_000_000)).toBe(true);
  });

  it("is true for 5 seconds after a request met an outage, then false again", () => {
    noteDatabaseUnavailable(1_000_000);
    expect([isDatabaseKnownDown(1_004_999), isDatabaseKnownDown(1_005_000)]).toEqual([true, false]);
  });
});

describe("shouldAnswerUnavailable", () => {
  const down = () => true;
  const up = () => false;

  it("turns a page's 500 into 503 while the database is down", () => {
    expect(["/itinerary", "/events/x?a=1", "/", "/schedule"].map((path) => shouldAnswerUnavailable(path, 500, down))).toEqual([true, true, true, true]);
  });

  it("keeps a page's 500 while the database is up: that is a bug", () => {
    expect(shouldAnswerUnavailable("/itinerary", 500, up)).toBe(false);
  });

  it("leaves every other status alone", () => {
    expect([200, 404, 503].map((status) => shouldAnswerUnavailable("/itinerary", status, down))).toEqual([false, false, false]);
  });

  it("leaves API routes, feeds and build assets alone", () => {
    expect(["/api/events", "/api", "/calendar/expo-2017.ics", "/_next/static/x.js"].map((path) => shouldAnswerUnavailable(path, 500, down))).toEqual([false, false, false, false]);
  });
});
