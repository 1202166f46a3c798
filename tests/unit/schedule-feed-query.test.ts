import { feedQueryOf } from "@/lib/schedule/schedule-view";

describe("feedQueryOf", () => {
  it("keeps every filter the feed understands, admission included, and drops the single day", () => {
    expect(
      feedQueryOf({ date: "2017-08-14", category: "culture", venue: "astana-opera", programme: "pakistan-day", admission: "free", q: "mahler" }),
    ).toEqual({
      category: "culture",
      venue: "astana-opera",
      programme: "pakistan-day",
      admission: "free",
      from: undefined,
      to: undefined,
      q: "mahler",
    });
  });
});
