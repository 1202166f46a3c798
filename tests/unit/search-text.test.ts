import { applySearchScope, searchCoversAllDays } from "@/lib/schedule/search-scope";
import { foldedSearchWords, foldForSearch, highlightSegments } from "@/lib/schedule/search-text";

describe("foldForSearch", () => {
  it("folds case, hyphens and punctuation so every spelling of Astana Opera is the same text", () => {
    expect(["Astana Opera", "astana opera", "ASTANA-OPERA", " Astana,  Opera! "].map(foldForSearch)).toEqual([
      "astana opera",
      "astana opera",
      "astana opera",
      "astana opera",
    ]);
  });

  it("drops accents and joins apostrophes", () => {
    expect(foldForSearch("Plácido Domingo's Operalia")).toEqual("placido domingos operalia");
  });

  it("transliterates Russian and Kazakh Cyrillic to the Latin spelling", () => {
    expect([foldForSearch("Астана Опера"), foldForSearch("Қазақстан"), foldForSearch("Жібек")]).toEqual([
      "astana opera",
      "kazakstan",
      "zhibek",
    ]);
  });

  it("gives no words for a search of punctuation only", () => {
    expect([foldedSearchWords("--- !"), foldedSearchWords(undefined), foldedSearchWords("Mahler: 8th")]).toEqual([
      [],
      [],
      ["mahler", "8th"],
    ]);
  });
});

describe("highlightSegments", () => {
  it("marks every occurrence of every word in the original spelling", () => {
    expect(highlightSegments("Astana Opera: La Scala at the opera", ["opera", "scala"])).toEqual([
      { text: "Astana ", match: false },
      { text: "Opera", match: true },
      { text: ": La ", match: false },
      { text: "Scala", match: true },
      { text: " at the ", match: false },
      { text: "opera", match: true },
    ]);
  });

  it("marks whole accented characters when the search had none", () => {
    expect(highlightSegments("Plácido Domingo", ["placido"])).toEqual([
      { text: "Plácido", match: true },
      { text: " Domingo", match: false },
    ]);
  });

  it("marks Latin text found by a Cyrillic search after folding", () => {
    expect(highlightSegments("Astana Opera", foldedSearchWords("астана"))).toEqual([
      { text: "Astana", match: true },
      { text: " Opera", match: false },
    ]);
  });

  it("leaves markup-like text as plain text segments (React escapes them)", () => {
    expect(highlightSegments("<b>Mahler</b>", ["mahler"])).toEqual([
      { text: "<b>", match: false },
      { text: "Mahler", match: true },
      { text: "</b>", match: false },
    ]);
  });

  it("returns the text unmarked without words", () => {
    expect(highlightSegments("Mahler", [])).toEqual([{ text: "Mahler", match: false }]);
  });
});

describe("searchCoversAllDays", () => {
  it("widens a new search typed while a day is shown", () => {
    expect(searchCoversAllDays({ date: "2017-08-14", q: "Mahler", shownDate: "2017-08-14", shownQ: "" })).toBe(true);
  });

  it("keeps a day the visitor picked, a link naming a day, and a respelled search of the same words", () => {
    expect([
      searchCoversAllDays({ date: "2017-08-26", q: "Mahler", shownDate: "2017-08-14", shownQ: "" }),
      searchCoversAllDays({ date: "2017-08-26", q: "Mahler" }),
      searchCoversAllDays({ date: "2017-08-26", q: "MAHLER", shownDate: "2017-08-26", shownQ: "mahler" }),
      searchCoversAllDays({ date: "2017-08-26", q: "", shownDate: "2017-08-26", shownQ: "mahler" }),
    ]).toEqual([false, false, false, false]);
  });

  it("applySearchScope turns the request into all days and drops the form's markers", () => {
    expect(applySearchScope({ date: "2017-08-14", q: "Mahler", shownDate: "2017-08-14", shownQ: "" })).toEqual({
      date: "all",
      q: "Mahler",
    });
    expect(applySearchScope({ date: "2017-08-26", q: "Mahler", shownDate: "2017-08-14" })).toEqual({
      date: "2017-08-26",
      q: "Mahler",
    });
  });
});
