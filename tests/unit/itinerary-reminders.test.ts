import type { FeedEvent } from "@/lib/calendar/build-calendar";
import { reminderMinutes, withReminders } from "@/lib/itinerary/reminders";

const NUR_ALEM = { name: "Nur Alem", address: "", latitude: 51.0893, longitude: 71.416 };
const OPERA = { name: "Astana Opera", address: "", latitude: 51.1357, longitude: 71.4107 };

function event(uid: string, start: string, end: string, venue = NUR_ALEM, status: FeedEvent["status"] = "SCHEDULED"): FeedEvent {
  return {
    id: 1,
    uid,
    slug: uid,
    title: uid,
    description: "",
    startsAt: new Date(start),
    endsAt: new Date(end),
    status,
    sequence: 0,
    updatedAt: new Date("2017-01-01T00:00:00Z"),
    venue,
    categories: [],
  };
}

// 14 August 2017: Astana is UTC+6.
const MORNING = event("morning", "2017-08-14T04:00:00Z", "2017-08-14T05:00:00Z");
const EVENING = event("evening", "2017-08-14T13:00:00Z", "2017-08-14T15:00:00Z", OPERA);
const NEXT_DAY = event("next-day", "2017-08-15T04:00:00Z", "2017-08-15T05:00:00Z", OPERA);

describe("reminderMinutes", () => {
  it("gives no alarm for none and the fixed minutes to every event otherwise", () => {
    expect([...reminderMinutes([MORNING, EVENING], "none")]).toEqual([]);
    expect([...reminderMinutes([MORNING, EVENING], "15")]).toEqual([
      ["morning", 15],
      ["evening", 15],
    ]);
  });

  it("skips cancelled events", () => {
    const cancelled = event("cancelled", "2017-08-14T08:00:00Z", "2017-08-14T09:00:00Z", NUR_ALEM, "CANCELLED");
    expect([...reminderMinutes([MORNING, cancelled], "60")]).toEqual([["morning", 60]]);
  });

  it("walk+10: the walk (5.2 km at 4.5 km/h: 69 min, plus 5) from the day's previous venue, plus 10; a new day starts at 10", () => {
    expect([...reminderMinutes([MORNING, EVENING, NEXT_DAY], "walk+10")]).toEqual([
      ["morning", 10],
      ["evening", 69 + 5 + 10],
      ["next-day", 10],
    ]);
  });

  it("withReminders attaches the minutes to the events", () => {
    expect(withReminders([MORNING], "30").map((item) => item.alarmMinutesBefore)).toEqual([30]);
  });
});
