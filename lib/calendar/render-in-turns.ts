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

/** Every VEVENT of `events` in `detail`, in order, folded: what renderCalendar writes between its properties and END:VCALENDAR. */
export async function renderEventsInTurns(
  events: readonly FeedEvent[],
  baseUrl: string,
  detail: FeedDetail,
  slicer: TimeSlicer,
): Promise<string> {
  // An event reads only its calendar's time zone (none here, as in renderCalendar); the event is
  // not added to it, so nothing accumulates.
  const calendar = ical();
  const parts: string[] = [];
  await forEachInTurns(events, slicer, (event) => {
    // Each VEVENT ends with CRLF, so folding it alone folds its lines exactly as in the whole calendar.
    parts.push(foldContentLines(new ICalEvent(eventData(event, baseUrl, detail), calendar).toString()));
  });
  // Joining ~3,000 parts is a few milliseconds: in a turn of its own.
  await slicer.yieldNow();
  return parts.join("");
}
