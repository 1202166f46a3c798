import type { EventDetailRow } from "@/lib/schedule/event-detail";
import { eventJsonLd } from "@/lib/schedule/event-detail";

const event = {
  id: 7,
  slug: "mahler-symphony-no-8",
  title: "Mahler: Symphony No. 8",
  description: "800 musicians from Novosibirsk.",
  performers: ["Novosibirsk Philharmonic"],
  startsAt: new Date("2017-08-26T13:00:00.000Z"),
  endsAt: new Date("2017-08-26T15:00:00.000Z"),
  status: "SCHEDULED",
  admission: "TICKETED",
  timeIsIllustrative: true,
  updatedAt: new Date("2017-05-01T00:00:00.000Z"),
  venueId: 3,
  category: { slug: "culture", name: "Culture" },
  subcategory: { slug: "concert", name: "Concert" },
  venue: { slug: "central-concert-hall", name: "Kazakhstan Central Concert Hall", kind: "THEATRE", address: "Astana", latitude: 51.1, longitude: 71.4 },
  programme: null,
} as EventDetailRow;

describe("eventJsonLd", () => {
  it("gives the event's page as an absolute URL on the site's public origin", () => {
    expect(eventJsonLd(event, "https://expo.example").url).toEqual("https://expo.example/events/mahler-symphony-no-8");
    expect(eventJsonLd(event, "https://expo.example/").url).toEqual("https://expo.example/events/mahler-symphony-no-8");
  });

  it("writes the 2017 Astana offset in startDate and endDate", () => {
    const json = eventJsonLd(event, "https://expo.example");
    expect([json.startDate, json.endDate]).toEqual(["2017-08-26T19:00:00+06:00", "2017-08-26T21:00:00+06:00"]);
  });
});
