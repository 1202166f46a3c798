import { hiddenVenuesCookie, parseHiddenVenues, serializeHiddenVenues } from "@/lib/timetable/hidden-venues";

describe("hidden timetable venues", () => {
  test("slugs round-trip through the cookie value, sorted and without repeats", () => {
    const value = serializeHiddenVenues(["tent-10", "astana-opera", "tent-10"]);
    expect(value).toEqual("astana-opera.tent-10");
    expect([...parseHiddenVenues(value)]).toEqual(["astana-opera", "tent-10"]);
  });

  test("anything that is not a slug is dropped, and no cookie means nothing hidden", () => {
    expect([...parseHiddenVenues("tent-01.<script>.Tent 2..sector-03")]).toEqual(["tent-01", "sector-03"]);
    expect([...parseHiddenVenues(undefined)]).toEqual([]);
  });

  test("the cookie is site-wide, kept a year and sent on same-site navigation", () => {
    expect(hiddenVenuesCookie(["tent-01"])).toEqual("timetable-hidden=tent-01; Path=/; Max-Age=31536000; SameSite=Lax");
  });
});
