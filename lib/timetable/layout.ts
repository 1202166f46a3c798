// The timetable grid of one Astana day, as plain numbers a CSS grid can place: venue columns
// grouped by kind, rows of SLOT_MINUTES, and each event a block with its rows, its lane beside
// overlapping events at the same venue, and whether it was clipped. Pure: no database, no React.
import type { VenueKind } from "../generated/prisma/enums";
import { astanaDayRange, toZonedTime } from "../time/astana";
import { longDayLabel, shortDayLabel } from "../time/format";
import { planDayRoute, type RouteStop } from "../map/route";

export const SLOT_MINUTES = 5;
/** The window always shows at least this much of the day, so quiet days keep a familiar shape. */
export const DEFAULT_WINDOW = { startMinute: 9 * 60, endMinute: 23 * 60 };
/** Events longer than this (exhibitions, all-day displays) are clipped to the window instead of widening it to the whole day. */
export const STRETCH_LIMIT_MINUTES = 8 * 60;

/** Column groups in the order of the issue (pavilions, tents, sectors, arenas, theatres), then the rest. */
export const KIND_ORDER: readonly VenueKind[] = [
  "PAVILION", "TENT", "SECTOR", "ARENA", "THEATRE", "STADIUM", "CONCERT_HALL", "MUSEUM", "HIPPODROME", "OPEN_AIR",
];
const KIND_GROUP_LABELS: Record<VenueKind, string> = {
  PAVILION: "Pavilions", TENT: "Tents", SECTOR: "Sectors", ARENA: "Arenas", THEATRE: "Theatres", STADIUM: "Stadiums",
  CONCERT_HALL: "Concert halls", MUSEUM: "Museums", HIPPODROME: "Hippodrome", OPEN_AIR: "Open-air stages",
};

export interface TimetableVenue {
  slug: string;
  name: string;
  kind: VenueKind;
  latitude: number;
  longitude: number;
}

export interface TimetableEvent {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  venue: TimetableVenue;
}

export interface TimetableOptions {
  /** Astana date, "YYYY-MM-DD". */
  date: string;
  /** Slugs of the visitor's saved events. */
  saved?: ReadonlySet<string>;
  /** The "now" instant (?at=); drawn when it falls inside the window. */
  at?: Date;
  /** Venue slugs the visitor hid; their events are left out. */
  hidden?: ReadonlySet<string>;
}

export interface TimetableColumn {
  venue: TimetableVenue;
  /** 1-based among the venue columns (the time axis comes before them). */
  index: number;
}

export interface TimetableGroup {
  kind: VenueKind;
  label: string;
  firstColumn: number;
  columnCount: number;
}

export interface TimetableBlock {
  slug: string;
  title: string;
  venueName: string;
  column: number;
  /** 1-based slot rows, [rowStart, rowEnd). */
  rowStart: number;
  rowEnd: number;
  lane: number;
  lanes: number;
  /** The event began before the window (e.g. the previous evening). */
  clippedStart: boolean;
  /** The event goes on after the window (e.g. past midnight). */
  clippedEnd: boolean;
  saved: boolean;
  cancelled: boolean;
  /** "19:00–21:00", or "23:00–01:00 (+1 day)". */
  timeText: string;
  /** Full text for the link's accessible name: title, day, time, venue. */
  label: string;
}

export interface TimetableWalk {
  /** Placed in the destination venue's column, ending as the next saved event starts. */
  column: number;
  rowStart: number;
  rowEnd: number;
  minutes: number;
  tight: boolean;
  text: string;
}

export interface TimetableLayout {
  date: string;
  startMinute: number;
  endMinute: number;
  slotCount: number;
  columns: TimetableColumn[];
  groups: TimetableGroup[];
  hours: { text: string; row: number }[];
  blocks: TimetableBlock[];
  walks: TimetableWalk[];
  /** Slot row of the "now" line, or null when `at` is outside the window. */
  nowRow: number | null;
  nowText: string | null;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function clockText(minute: number): string {
  return `${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}`;
}

function byVenueName(a: TimetableVenue, b: TimetableVenue): number {
  return a.name.localeCompare(b.name, "en", { numeric: true }) || a.slug.localeCompare(b.slug);
}

/** Lanes for one venue's events: greedy interval colouring; a cluster of overlapping events shares its lane count. */
function assignLanes(events: { start: number; end: number }[]): { lane: number; lanes: number }[] {
  const order = events.map((_, i) => i).sort((a, b) => events[a].start - events[b].start || events[a].end - events[b].end);
  const result = events.map(() => ({ lane: 0, lanes: 1 }));
  let cluster: number[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const closeCluster = () => {
    for (const i of cluster) result[i].lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const i of order) {
    const { start, end } = events[i];
    if (start >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    result[i].lane = lane;
    cluster.push(i);
    clusterEnd = cluster.length === 1 ? end : Math.max(clusterEnd, end);
  }
  closeCluster();
  return result;
}

export function layoutTimetable(events: readonly TimetableEvent[], options: TimetableOptions): TimetableLayout {
  const { date } = options;
  const day = astanaDayRange(date);
  const dayLength = Math.round((day.end.getTime() - day.start.getTime()) / 60000);
  const minuteOf = (instant: Date) => Math.round((instant.getTime() - day.start.getTime()) / 60000);
  const visible = events.filter(
    (event) => event.endsAt > day.start && event.startsAt < day.end && !options.hidden?.has(event.venue.slug),
  );

  // The window: the default hours, widened to whole hours around every ordinary event of the day.
  let startMinute = DEFAULT_WINDOW.startMinute;
  let endMinute = DEFAULT_WINDOW.endMinute;
  for (const event of visible) {
    if (event.endsAt.getTime() - event.startsAt.getTime() > STRETCH_LIMIT_MINUTES * 60000) continue;
    startMinute = Math.min(startMinute, Math.floor(Math.max(0, minuteOf(event.startsAt)) / 60) * 60);
    endMinute = Math.max(endMinute, Math.ceil(Math.min(dayLength, minuteOf(event.endsAt)) / 60) * 60);
  }
  const slotCount = (endMinute - startMinute) / SLOT_MINUTES;
  const rowOf = (minute: number) => Math.round((Math.min(Math.max(minute, startMinute), endMinute) - startMinute) / SLOT_MINUTES) + 1;

  const venues = new Map<string, TimetableVenue>();
  for (const event of visible) venues.set(event.venue.slug, event.venue);
  const ordered = [...venues.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || byVenueName(a, b),
  );
  const columns: TimetableColumn[] = ordered.map((venue, i) => ({ venue, index: i + 1 }));
  const columnOf = new Map(columns.map((column) => [column.venue.slug, column.index]));
  const groups: TimetableGroup[] = [];
  for (const column of columns) {
    const last = groups.at(-1);
    if (last?.kind === column.venue.kind) last.columnCount++;
    else groups.push({ kind: column.venue.kind, label: KIND_GROUP_LABELS[column.venue.kind], firstColumn: column.index, columnCount: 1 });
  }

  const spans = visible.map((event) => {
    const start = Math.max(minuteOf(event.startsAt), startMinute);
    // A block is at least one slot tall, so a zero-length event still shows.
    const end = Math.max(Math.min(minuteOf(event.endsAt), endMinute), start + SLOT_MINUTES);
    return { start, end };
  });
  const lanes = new Array<{ lane: number; lanes: number }>(visible.length);
  for (const slug of venues.keys()) {
    const indices = visible.flatMap((event, i) => (event.venue.slug === slug ? [i] : []));
    assignLanes(indices.map((i) => spans[i])).forEach((value, k) => (lanes[indices[k]] = value));
  }

  const dayLabel = longDayLabel(date);
  const blocks: TimetableBlock[] = visible.map((event, i) => {
    const from = toZonedTime(event.startsAt);
    const to = toZonedTime(event.endsAt);
    const startDay = from.date === date ? "" : ` (${shortDayLabel(from.date)})`;
    const endDay = to.date === from.date ? "" : ` (${shortDayLabel(to.date)})`;
    const timeText = `${from.time}–${to.time}${to.date === from.date ? "" : " (+1 day)"}`;
    return {
      slug: event.slug,
      title: event.title,
      venueName: event.venue.name,
      column: columnOf.get(event.venue.slug)!,
      rowStart: rowOf(spans[i].start),
      rowEnd: Math.min(rowOf(spans[i].end), slotCount + 1),
      ...lanes[i],
      clippedStart: minuteOf(event.startsAt) < startMinute,
      clippedEnd: minuteOf(event.endsAt) > endMinute,
      saved: options.saved?.has(event.slug) ?? false,
      cancelled: event.cancelled,
      timeText,
      label: `${event.title}, ${dayLabel}, ${from.time}${startDay} to ${to.time}${endDay} Astana time, ${event.venue.name}${event.cancelled ? ", cancelled" : ""}${options.saved?.has(event.slug) ? ", saved" : ""}`,
    };
  });
  blocks.sort((a, b) => a.rowStart - b.rowStart || a.column - b.column || a.lane - b.lane);

  const savedStops: RouteStop[] = visible.filter((event) => options.saved?.has(event.slug));
  const walks: TimetableWalk[] = planDayRoute(savedStops).legs.flatMap((leg) => {
    if (leg.walkMinutes === 0) return [];
    const arrive = Math.max(minuteOf(leg.to.startsAt), startMinute);
    const rowEnd = rowOf(arrive);
    return [{
      column: columnOf.get(leg.to.venue.slug)!,
      rowStart: Math.max(1, rowOf(arrive - leg.walkMinutes)),
      rowEnd: Math.max(rowEnd, rowOf(arrive - leg.walkMinutes) + 1),
      minutes: leg.walkMinutes,
      tight: leg.tight,
      text: `Walk ${leg.walkMinutes} min from ${leg.from.venue.name}${leg.tight ? ` (${Math.max(leg.gapMinutes, 0)} min free)` : ""}`,
    }];
  });

  const hours: { text: string; row: number }[] = [];
  for (let minute = Math.ceil(startMinute / 60) * 60; minute < endMinute; minute += 60) hours.push({ text: clockText(minute), row: rowOf(minute) });

  let nowRow: number | null = null;
  let nowText: string | null = null;
  if (options.at) {
    const minute = minuteOf(options.at);
    if (minute >= startMinute && minute <= endMinute && options.at >= day.start && options.at < day.end) {
      nowRow = Math.min(rowOf(Math.floor(minute / SLOT_MINUTES) * SLOT_MINUTES), slotCount);
      nowText = `Now: ${toZonedTime(options.at).time}`;
    }
  }

  return { date, startMinute, endMinute, slotCount, columns, groups, hours, blocks, walks, nowRow, nowText };
}
