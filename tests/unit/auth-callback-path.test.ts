import { safeCallbackPath, safeRedirect } from "../../lib/auth/same-origin";

describe("safeCallbackPath", () => {
  test.each([
    ["//evil.example", "protocol-relative URL"],
    ["/\\evil.example", "backslash, which browsers read as a slash"],
    ["/\t/evil.example", "tab, which browsers drop"],
    ["/\n/evil.example", "newline, which browsers drop"],
    ["/\r/evil.example", "carriage return"],
    ["/\u0000/x", "NUL"],
    ["/\u007f/x", "DEL"],
    ["https://evil.example/itinerary", "absolute URL"],
    ["javascript:alert(1)", "javascript: URL"],
    ["/.//evil.example", "a path that normalises to //host"],
    ["/a/../..//evil.example", "a path that climbs to //host"],
    ["itinerary", "relative path"],
    ["", "empty"],
  ])("%j (%s) gives the fallback", (value) => {
    expect(safeCallbackPath(value, "/itinerary")).toEqual("/itinerary");
  });

  test("missing values give the fallback, which defaults to /", () => {
    expect([safeCallbackPath(undefined), safeCallbackPath(null), safeCallbackPath([], "/itinerary")]).toEqual(["/", "/", "/itinerary"]);
  });

  test("same-site paths are kept with their query and hash", () => {
    expect([
      safeCallbackPath("/itinerary"),
      safeCallbackPath("/schedule?date=2017-08-14&category=culture#event-3"),
      safeCallbackPath(["/events/pakistan-day-ceremony?x=1", "//evil.example"]),
      safeCallbackPath("/%2F%2Fevil.example"),
    ]).toEqual(["/itinerary", "/schedule?date=2017-08-14&category=culture#event-3", "/events/pakistan-day-ceremony?x=1", "/%2F%2Fevil.example"]);
  });
});

describe("safeRedirect (next-auth's redirect callback, for callbackUrl from the query or the cookie)", () => {
  const baseUrl = "http://localhost:3000";

  test("a same-site path or URL is kept; another site, an unparseable value and odd characters give the base URL, never an exception", () => {
    expect(
      [
        "/itinerary?day=2017-08-14",
        "http://localhost:3000/schedule#x",
        "https://evil.example/",
        "http://[::1",
        "http://%zz",
        "//evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "",
      ].map((url) => safeRedirect({ url, baseUrl })),
    ).toEqual([
      "http://localhost:3000/itinerary?day=2017-08-14",
      "http://localhost:3000/schedule#x",
      baseUrl,
      baseUrl,
      baseUrl,
      baseUrl,
      baseUrl,
      baseUrl,
      baseUrl,
    ]);
  });
});
