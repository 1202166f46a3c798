import { PUBLIC_PAGE_CACHE_CONTROL, pageCacheControl } from "@/lib/http/page-cache-control";

describe("pageCacheControl", () => {
  it.each(["/", "/schedule", "/events/mahler-symphony-no-8", "/venues/x", "/pakistan-day", "/timetable", "/map", "/info"])(
    "lets the public page %s into the back/forward cache",
    (path) => {
      expect(pageCacheControl("GET", path)).toBe(PUBLIC_PAGE_CACHE_CONTROL);
      expect(pageCacheControl("HEAD", path)).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    },
  );

  it.each(["/itinerary", "/itinerary/", "/i/abc", "/signin", "/signup", "//itinerary", "/%69tinerary", "/I/abc", "/%zz"])(
    "keeps Next's no-store on the private page %s",
    (path) => {
      expect(pageCacheControl("GET", path)).toBeNull();
    },
  );

  it("leaves a server action's POST answer alone", () => {
    expect(pageCacheControl("POST", "/schedule")).toBeNull();
  });

  it("does not mistake a path that only starts like a private one", () => {
    expect(pageCacheControl("GET", "/itinerary-help")).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(pageCacheControl("GET", "/info")).toBe(PUBLIC_PAGE_CACHE_CONTROL);
  });
});
