import { canonicalSearch, searchWords } from "@/lib/schedule/event-filters";
import { feedLabelOf, feedQueryOf } from "@/lib/schedule/schedule-view";

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

describe("feedLabelOf", () => {
  it("says that the feed of a one-day view covers every expo day", () => {
    expect(feedLabelOf({ date: "2017-08-14", category: "culture" }, { category: "Culture" })).toEqual("Culture · all expo days");
  });

  it("names programme, category, venue, admission and search, as the feed's own name does", () => {
    expect(
      feedLabelOf(
        { date: "2017-08-14", programme: "pakistan-day", category: "concert", venue: "astana-opera", admission: "free", q: "mahler" },
        { programme: "Pakistan Day at EXPO 2017", category: "Concert", venue: "Astana Opera" },
      ),
    ).toEqual("Pakistan Day · Concert · Astana Opera · free admission · “mahler” · all expo days");
  });

  it("names a chosen range instead of every day", () => {
    expect(feedLabelOf({ from: "2017-08-01", to: "2017-08-31", category: "culture" }, { category: "Culture" })).toEqual(
      "Culture · 1 Aug 2017 to 31 Aug 2017",
    );
    expect(feedLabelOf({ from: "2017-08-01" }, {})).toEqual("from 1 Aug 2017");
  });

  it("names the whole programme when nothing is filtered", () => {
    expect(feedLabelOf({ date: "2017-06-10" }, {})).toEqual("The whole programme · all expo days");
  });
});

describe("canonicalSearch", () => {
  it("gives every spelling of the same words one text", () => {
    expect([canonicalSearch("Mahler"), canonicalSearch("mahler  mahler"), canonicalSearch(" MAHLER\tMahler ")]).toEqual([
      "mahler",
      "mahler",
      "mahler",
    ]);
    expect(canonicalSearch("Symphony mahler  EIGHTH symphony")).toEqual("eighth mahler symphony");
  });

  it("searches for the same words as the text it came from", () => {
    const q = "one two three four five six seven eight nine ten eleven two";
    expect(searchWords(canonicalSearch(q)).sort()).toEqual([...new Set(searchWords(q))].sort());
  });

  it("is undefined for no search", () => {
    expect([canonicalSearch(undefined), canonicalSearch(""), canonicalSearch("   ")]).toEqual([undefined, undefined, undefined]);
  });
});
