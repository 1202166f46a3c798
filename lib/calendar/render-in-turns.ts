// The slow parts of a public feed build, done in turns of the event loop (time-slicer.ts): the
// size estimate that picks the detail level, and rendering the VEVENTs. ical-generator renders a
// calendar in one synchronous `toString()`; here each event is rendered on its own
// (`ICalEvent.toString()`) and folded with foldContentLines, which is what the calendar's
// `toString()` does to the same text, so the concatenation is byte-identical to the VEVENTs of
// renderCalendar (tested on the whole programme in every detail level).
import ical, { ICalEvent } from "ical-generator";
import { CALENDAR_OVERHEAD_BYTES, estimateEventBytes, eventData, type FeedDetail, type FeedEvent } from "./build-calendar";
import { foldContentLines } from "./fold-lines";
import { forEachInTurns, type TimeSlicer } from "./time-slicer";

/** estimateEventBytes summed over `events` plus the calendar's overhead, as renderCalendarWithinBudget sums it. */
export async function estimateCalendarBytesInTurns(
  events: readonly FeedEvent[],
  baseUrl: string,
  detail: FeedDetail,
  slicer: TimeSlicer,
): Promise<number> {
  let total = CALENDAR_OVERHEAD_BYTES;
  await forEachInTurns(events, slicer, (event) => {
    total += estimateEventBytes(event, baseUrl, detail);
  });
  return total;
}

/** Text is encoded into chunks of about this many UTF-16 units: small strings, few Buffers. */
const CHUNK_UNITS = 64 * 1024;

/**
 * Every VEVENT of `events` in `detail`, in order, folded: what renderCalendar writes between its
 * properties and END:VCALENDAR, as UTF-8 chunks. Never one string of the whole: a ~900 KB string
 * (and its copies when joined, concatenated and encoded) lived on V8's heap, where it made garbage
 * collections longer and more frequent; Buffers live outside it and are concatenated with one memcpy.
 */
export async function renderEventsInTurns(
  events: readonly FeedEvent[],
  baseUrl: string,
  detail: FeedDetail,
  slicer: TimeSlicer,
): Promise<Buffer[]> {
  // An event reads only its calendar's time zone (none here, as in renderCalendar); the event is
  // not added to it, so nothing accumulates.
  const calendar = ical();
  const chunks: Buffer[] = [];
  let pending: string[] = [];
  let pendingUnits = 0;
  const flush = () => {
    chunks.push(Buffer.from(pending.join(""), "utf8"));
    pending = [];
    pendingUnits = 0;
  };
  await forEachInTurns(events, slicer, (event) => {
    // Each VEVENT ends with CRLF, so folding it alone folds its lines exactly as in the whole calendar.
    const text = foldContentLines(new ICalEvent(eventData(event, baseUrl, detail), calendar).toString());
    pending.push(text);
    pendingUnits += text.length;
    if (pendingUnits >= CHUNK_UNITS) flush();
  });
  if (pendingUnits > 0) flush();
  return chunks;
}
