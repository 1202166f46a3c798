import { absoluteUrl, eventPath, isSlug, nationalDayPath, publicFeedPath, scheduleHref, signInPath, webcalUrl } from "@/lib/http/paths";
import { badRequest, problem, problemMessage } from "@/lib/http/problems";
import { parseZoneCookie } from "@/lib/time/display-zone-preference";
import { dateLabel, longDayLabel, mediumDayLabel, shortDayLabel } from "@/lib/time/format";

describe("problems: the one error shape", () => {
  it("problem() leaves details out when there are none", () => {
    expect([problem(404, "No such event."), problem(400, "Bad.", [{ parameter: "note", message: "is too long" }])]).toEqual([
      { status: 404, body: { error: "No such event." } },
      { status: 400, body: { error: "Bad.", details: [{ parameter: "note", message: "is too long" }] } },
    ]);
  });

  it("badRequest names every bad parameter once", async () => {
    const response = badRequest([
      { parameter: "date", message: "is not a date" },
      { parameter: "date", message: "is outside the expo" },
      { parameter: "venue", message: "unknown venue" },
    ]);
    expect([response.status, ((await response.json()) as { error: string }).error]).toEqual([400, "Invalid query parameter: date, venue"]);
  });

  it("problemMessage reads our shape and falls back on anything else", () => {
    expect([
      problemMessage({ error: "The request body is not valid.", details: [{ parameter: "note", message: "must be at most 1,000 characters" }] }),
      problemMessage({ error: "Sign in to use your itinerary." }),
      problemMessage("<html>Bad gateway</html>", "Try again."),
      problemMessage(null),
    ]).toEqual([
      "The request body is not valid. note must be at most 1,000 characters.",
      "Sign in to use your itinerary.",
      "Try again.",
      "Something went wrong. Try again.",
    ]);
  });
});

describe("paths: every URL path in one place", () => {
  it("builds the site's paths", () => {
    expect([eventPath("mahler-symphony-no-8"), nationalDayPath("pakistan-day"), nationalDayPath("kazakhstan-day")]).toEqual([
      "/events/mahler-symphony-no-8",
      "/pakistan-day",
      "/national-days/kazakhstan-day",
    ]);
  });

  it("keeps schedule and feed links short: empty values are left out", () => {
    expect([
      scheduleHref({ q: "mahler", date: "2017-08-26", venue: "", category: undefined }),
      scheduleHref({}),
      publicFeedPath({ programme: "pakistan-day", q: undefined }),
    ]).toEqual(["/schedule?date=2017-08-26&q=mahler", "/schedule", "/calendar/expo-2017.ics?programme=pakistan-day"]);
  });

  it("sends sign-in back to the page, never to the sign-in pages themselves", () => {
    expect([signInPath("/events/a-b"), signInPath("/signin?x=1"), signInPath(null)]).toEqual([
      "/signin?callbackUrl=%2Fevents%2Fa-b",
      "/signin",
      "/signin",
    ]);
  });

  it("checks slugs and builds absolute and webcal URLs", () => {
    expect([isSlug("pakistan-day"), isSlug("Pakistan Day"), isSlug("a".repeat(101))]).toEqual([true, false, false]);
    expect(webcalUrl(absoluteUrl("https://expo.example/", "/calendar/u/x.ics"))).toEqual("webcal://expo.example/calendar/u/x.ics");
  });
});

describe("format: every day label", () => {
  it("writes 14 August 2017 four ways", () => {
    expect([shortDayLabel("2017-08-14"), mediumDayLabel("2017-08-14"), dateLabel("2017-08-14"), longDayLabel("2017-08-14")]).toEqual([
      "Mon 14 Aug",
      "14 Aug 2017",
      "14 August 2017",
      "Monday 14 August 2017",
    ]);
  });

  it("keeps three-letter months in calendar names, September too", () => {
    expect(mediumDayLabel("2017-09-10")).toEqual("10 Sep 2017");
  });
});

describe("display-zone cookie", () => {
  it("reads Astana, UTC and a device zone, and anything else as Astana", () => {
    expect([
      parseZoneCookie(undefined),
      parseZoneCookie("UTC"),
      parseZoneCookie("device:Europe/London"),
      parseZoneCookie("device:Not/AZone"),
      parseZoneCookie("Europe/London"),
    ]).toEqual([
      { choice: "Asia/Almaty", zone: "Asia/Almaty" },
      { choice: "UTC", zone: "UTC" },
      { choice: "device", zone: "Europe/London" },
      { choice: "Asia/Almaty", zone: "Asia/Almaty" },
      { choice: "Asia/Almaty", zone: "Asia/Almaty" },
    ]);
  });
});
