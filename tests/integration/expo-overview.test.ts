import { getExpoOverview } from "@/lib/schedule/expo-overview";

describe("getExpoOverview", () => {
  it("sums up the seeded expo: 93 days, the programme's size, its venues and Pakistan Day", async () => {
    const overview = await getExpoOverview();

    expect({ ...overview, highlights: undefined }).toEqual({
      firstDay: "2017-06-10",
      lastDay: "2017-09-10",
      days: 93,
      events: expect.any(Number),
      venues: expect.any(Number),
      nationalDays: [{ slug: "pakistan-day", name: "Pakistan Day at EXPO 2017", date: "2017-08-14" }],
      highlights: undefined,
    });
    expect(overview.events).toBeGreaterThanOrEqual(3000);
    // 20 tents and 13 sectors alone are 33 venues.
    expect(overview.venues).toBeGreaterThan(33);
  });

  it("opens the highlights with the article's first events, in Astana dates", async () => {
    const { highlights } = await getExpoOverview();

    expect(highlights).toHaveLength(12);
    expect(highlights[0]).toEqual({
      slug: "expo-2017-cultural-programme-launch",
      title: "EXPO 2017 opening: launch of the cultural programme",
      date: "2017-06-10",
      venue: expect.stringMatching(/Kazanat/),
    });
    expect(highlights.map((event) => event.date)).toEqual([...highlights.map((event) => event.date)].sort());
  });
});
