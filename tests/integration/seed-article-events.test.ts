// What the source article (../shared/seed/expo-2017-article.txt) names, written out here rather
// than read from the data file, so removing an event from prisma/data/expo-2017.json fails a test.
import { prisma } from "@/lib/db";
import { astanaDayRange } from "@/lib/time/astana";

interface NamedInArticle {
  what: string;
  /** Every word must occur in the event's title, description, performers or venue name. */
  words: string[];
  venue?: string;
  venueKind?: "OPEN_AIR";
  subcategory?: string;
  date?: string;
}

const NAMED_IN_ARTICLE: NamedInArticle[] = [
  { what: "the opening at the Kazanat hippodrome", words: ["expo 2017", "opening"], venue: "kazanat-hippodrome", date: "2017-06-10" },
  { what: "La Scala", words: ["scala"], venue: "astana-opera" },
  { what: "the Mariinsky Theatre", words: ["mariinsky"], venue: "astana-opera" },
  { what: "Plácido Domingo's Operalia final", words: ["operalia", "domingo", "final"], venue: "astana-opera" },
  { what: "the Terracotta Army", words: ["terracotta"], venue: "national-museum" },
  { what: "Egyptian antiquities", words: ["egypt"], venue: "national-museum" },
  { what: "the Hermitage", words: ["hermitage"], subcategory: "exhibition" },
  { what: "the French museums' exhibits", words: ["museums of france"], subcategory: "exhibition" },
  { what: 'open-air "Don Quixote"', words: ["don quixote"], venueKind: "OPEN_AIR" },
  { what: 'open-air "Aida"', words: ["aida"], venueKind: "OPEN_AIR" },
  { what: 'open-air "Kyz Zhibek"', words: ["kyz zhibek"], venueKind: "OPEN_AIR" },
  { what: 'the musical "Astana"', words: ["musical astana"], subcategory: "musical" },
  { what: 'the musical "Love Poem"', words: ["love poem"], subcategory: "musical" },
  { what: 'the musical "Dostar Serti"', words: ["dostar serti"], subcategory: "musical" },
  { what: "Mahler's Eighth with 800 musicians from Novosibirsk", words: ["mahler", "800", "novosibirsk", "mikhailovsky"] },
  { what: "the Eurasia Dance Festival", words: ["eurasia dance festival"] },
  { what: "the Asanali Ashimov theatre festival", words: ["asanali ashimov", "festival"] },
  { what: "the Turkic-world singing competition at Barys Arena", words: ["turkic", "singers"], venue: "barys-arena" },
  { what: "the President's Football Cup", words: ["president", "football cup"] },
  { what: "the President's Challenger Cup of tennis", words: ["challenger cup", "tennis"] },
  { what: "the Silk Road 2017 rally", words: ["silk road 2017", "rally"] },
  { what: "the WBC's 55th convention", words: ["55th", "world boxing council"] },
  { what: "the professional boxing evening", words: ["professional boxing"] },
  { what: "Pakistan Day", words: ["pakistan day"], date: "2017-08-14" },
];

describe("the seeded programme holds what the article names", () => {
  it.each(NAMED_IN_ARTICLE)("$what", async (named) => {
    const day = named.date ? astanaDayRange(named.date) : undefined;
    const matches = await prisma.event.count({
      where: {
        source: "ARTICLE",
        AND: named.words.map((word) => ({ searchText: { contains: word } })),
        ...(named.venue && { venue: { slug: named.venue } }),
        ...(named.venueKind && { venue: { kind: named.venueKind } }),
        ...(named.subcategory && { subcategory: { slug: named.subcategory } }),
        ...(day && { startsAt: { gte: day.start, lt: day.end } }),
      },
    });

    expect(matches).toBeGreaterThanOrEqual(1);
  });

  it("holds five world championships and two Asian championships", async () => {
    const counts = await Promise.all(
      ["world-championship", "asian-championship"].map((slug) =>
        prisma.event.count({ where: { source: "ARTICLE", subcategory: { slug } } }),
      ),
    );

    expect(counts).toEqual([5, 2]);
  });

  it("runs the programme from 10 June to 10 September 2017, Astana time", async () => {
    const range = await prisma.event.aggregate({ _min: { startsAt: true }, _max: { startsAt: true } });

    expect(range._min.startsAt! >= astanaDayRange("2017-06-10").start).toBe(true);
    expect(range._max.startsAt! < astanaDayRange("2017-09-10").end).toBe(true);
  });
});
