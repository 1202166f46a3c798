// Fills the programme out to the 3,000-plus events the article announces ("Twenty tents and 13
// sectors of the expo will showcase the diversity of Kazakh national culture, art and sport").
// Deterministic: each day draws from its own seeded random source, so the same data always gives
// the same events and the same slugs, and one day's events never shift another day's.
import { parseIsoDate } from "../time/astana";
import { listExpoDays } from "../time/expo-dates";
import { ACTIVITIES, type Activity, type VenueGroup } from "./generated-activities";
import { Picker } from "./prng";
import type { EventInput, ProgrammeData, VenueInput } from "./programme-schema";

const SEED = "expo-2017";
const EVENTS_PER_WEEKDAY = 32;
const EVENTS_PER_WEEKEND_DAY = 35;
const GROUP_WEIGHT: Record<VenueGroup, number> = { tent: 1, sector: 0.8, pavilion: 0.4, "nur-alem": 0.8 };
/** Starts fall on the half hour; a venue needs half an hour between two events. */
const SLOT_MINUTES = 30;
const CHANGEOVER_MINUTES = 30;
const ATTEMPTS_PER_EVENT = 40;

const PAKISTAN_DAY = "2017-08-14";
const PAKISTAN_PAVILION = "pavilion-pakistan";

interface GeneratorVenue {
  slug: string;
  name: string;
  group: VenueGroup;
  country: string;
}

type Interval = readonly [number, number];

/** The generated events for the data's tents, sectors and pavilions (article events excluded). */
export function generateProgramme(data: Pick<ProgrammeData, "venues" | "events">): EventInput[] {
  const venues = data.venues.flatMap((venue) => {
    const group = venueGroup(venue);
    return group ? [{ slug: venue.slug, name: venue.name, group, country: venue.country ?? "" }] : [];
  });
  const activitiesByGroup = new Map<VenueGroup, Activity[]>(
    (["tent", "sector", "pavilion", "nur-alem"] as const).map((group) => [group, ACTIVITIES.filter((a) => a.groups.includes(group))]),
  );
  const bookings = articleBookings(data.events);
  const pakistanDay = pakistanDayEvents();
  for (const event of pakistanDay) book(bookings, event.date, event.venue, interval(event.start, event.end));

  const generated: EventInput[] = [];
  for (const date of listExpoDays()) {
    const pick = new Picker(`${SEED}:${date}`);
    const dayVenues = date === PAKISTAN_DAY ? venues.filter((venue) => venue.slug !== PAKISTAN_PAVILION) : venues;
    const count = isWeekend(date) ? EVENTS_PER_WEEKEND_DAY : EVENTS_PER_WEEKDAY;
    for (let i = 0; i < count; i++) {
      const event = placeEvent(pick, date, dayVenues, activitiesByGroup, bookings);
      if (event) generated.push(event);
    }
  }
  return [...generated, ...pakistanDay];
}

function placeEvent(
  pick: Picker,
  date: string,
  venues: readonly GeneratorVenue[],
  activitiesByGroup: ReadonlyMap<VenueGroup, readonly Activity[]>,
  bookings: Map<string, Interval[]>,
): EventInput | null {
  for (let attempt = 0; attempt < ATTEMPTS_PER_EVENT; attempt++) {
    const venue = pick.weighted(venues, (v) => GROUP_WEIGHT[v.group]);
    const activities = activitiesByGroup.get(venue.group) ?? [];
    if (activities.length === 0) continue;
    const activity = pick.weighted(activities, (a) => a.weight);
    const minutes = pick.one(activity.minutes);
    const [earliest, latestEnd] = activity.window;
    const slots = Math.floor((latestEnd - minutes - earliest) / SLOT_MINUTES) + 1;
    if (slots <= 0) continue;
    const start = earliest + SLOT_MINUTES * pick.int(slots);
    const end = start + minutes;
    const key = bookingKey(date, venue.slug);
    if ((bookings.get(key) ?? []).some(([s, e]) => start < e + CHANGEOVER_MINUTES && s < end + CHANGEOVER_MINUTES)) continue;

    const text = activity.compose(pick, { venueName: venue.name, country: venue.country });
    book(bookings, date, venue.slug, [start, end]);
    return {
      slug: `${venue.slug}-${text.key}-${date}-${clock(start).replace(":", "")}`,
      title: text.title,
      description: text.description,
      performers: text.performers,
      category: activity.category,
      subcategory: activity.subcategory,
      venue: venue.slug,
      date,
      start: clock(start),
      end: clock(end),
      timeIsIllustrative: true,
      admission: activity.admission,
      status: "SCHEDULED",
      source: "GENERATED",
    };
  }
  return null;
}

/** The pavilion's side of Pakistan Day; the ceremony and the 19:00 concert come from the article. */
function pakistanDayEvents(): EventInput[] {
  const items = [
    ["truck-art", "Pakistan Day: truck art workshop", "Painters from Pakistan show the colourful art of decorated trucks and help visitors paint a panel.", "13:00", "14:00"],
    ["qawwali", "Pakistan Day: qawwali at the pavilion", "Sufi devotional songs performed at the Pakistan pavilion on Pakistan's national day.", "14:30", "15:30"],
    ["kazakhstan-pakistan-25-years", "Kazakhstan and Pakistan: 25 years of friendship", "A photo display and talk on 25 years of diplomatic relations, from 1992 to Pakistan's accession to the SCO in Astana.", "16:00", "17:00"],
    ["cuisine-tasting", "Pakistan Day: taste of Pakistan", "Biryani, kebabs and sweets from Pakistani cooks at the Pakistan pavilion.", "17:30", "18:30"],
  ] as const;
  return items.map(([key, title, description, start, end]) => ({
    slug: `${PAKISTAN_PAVILION}-${key}-${PAKISTAN_DAY}-${start.replace(":", "")}`,
    title,
    description,
    performers: [],
    category: "national-day",
    subcategory: "national-day-programme",
    venue: PAKISTAN_PAVILION,
    programme: "pakistan-day",
    date: PAKISTAN_DAY,
    start,
    end,
    timeIsIllustrative: true,
    admission: "FREE",
    status: "SCHEDULED",
    source: "GENERATED",
  }));
}

function venueGroup(venue: VenueInput): VenueGroup | null {
  if (venue.kind === "TENT") return "tent";
  if (venue.kind === "SECTOR") return "sector";
  if (venue.kind === "PAVILION" && venue.country) return venue.country === "Kazakhstan" ? "nur-alem" : "pavilion";
  return null;
}

/** Article events hold their venue for their time, so nothing generated overlaps them. */
function articleBookings(events: readonly EventInput[]): Map<string, Interval[]> {
  const bookings = new Map<string, Interval[]>();
  for (const event of events) book(bookings, event.date, event.venue, interval(event.start, event.end));
  return bookings;
}

function book(bookings: Map<string, Interval[]>, date: string, venue: string, slot: Interval): void {
  const key = bookingKey(date, venue);
  bookings.set(key, [...(bookings.get(key) ?? []), slot]);
}

function bookingKey(date: string, venue: string): string {
  return `${date} ${venue}`;
}

function interval(start: string, end: string): Interval {
  const from = minutesOf(start);
  const to = minutesOf(end);
  return [from, to > from ? to : to + 24 * 60];
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function isWeekend(date: string): boolean {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`Not a date: ${date}`);
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}
