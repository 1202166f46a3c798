import { createHash } from "node:crypto";
import {
  FEED_BYTE_BUDGET,
  FEED_DETAILS,
  renderCalendar,
  type CalendarSpec,
  type FeedDetail,
  type FeedEvent,
  type RenderedCalendar,
} from "./build-calendar";
import { estimateCalendarBytesInTurns, renderEventsInTurns } from "./render-in-turns";
import { TimeSlicer } from "./time-slicer";

// Feed builds are bounded (docs/decisions/012-bounded-feed-builds-and-malformed-requests.md).
// Building the whole programme is 0.7–5 s of CPU (5 on a loaded machine); done in one go it stalls
// every other request for that long, and a burst of distinct searches would stall the server for
// seconds. So:
// - a build never holds the event loop for more than about TURN_BUDGET_MS (time-slicer.ts): its
//   rows are loaded in pages, its size estimate and its VEVENTs are computed event by event
//   (render-in-turns.ts), handing the event loop back whenever the budget is spent;
// - builds run one at a time, keyed by the set of events (and link origin) they contain: two
//   searches matching the same events share one render of those events (only the calendar's own
//   name and URL, a few hundred bytes, are rendered per selection);
// - at most MAX_WAITING_BUILDS builds (loading their events included) are under way at once;
//   beyond that the request gets 503 with Retry-After before touching the database.

export const MAX_WAITING_BUILDS = 4;
const RETRY_AFTER_SECONDS = 5;
// ical-generator ends the calendar without a line break after it.
const END = "END:VCALENDAR";

/** Loads a build's events; long work in it takes turns through `slicer` too. */
export type LoadFeedEvents = (slicer: TimeSlicer) => Promise<readonly FeedEvent[]>;

/** Thrown when the build queue is full; the route answers 503 with Retry-After. */
export class FeedBusyError extends Error {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;

  constructor() {
    super("Too many calendar feeds are being built right now.");
  }

  response(): Response {
    return Response.json(
      { error: `${this.message} Try again in ${this.retryAfterSeconds} seconds.` },
      { status: 503, headers: { "Retry-After": String(this.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
}

/** The events part of a calendar (every VEVENT, in order, UTF-8 chunks) and the detail level it was rendered in. */
interface RenderedEvents {
  events: readonly Buffer[];
  detail: FeedDetail;
}

export type Frame = Omit<CalendarSpec, "events" | "detail">;

/** Everything before END:VCALENDAR of a calendar without events: its properties, in `detail`. */
function calendarHead(frame: Frame, detail: FeedDetail): string {
  const empty = renderCalendar({ ...frame, events: [], detail });
  return empty.slice(0, empty.lastIndexOf(END));
}

export class FeedBuildQueue {
  private readonly inFlight = new Map<string, Promise<RenderedEvents>>();
  private readonly recent = new Map<string, RenderedEvents>();
  private tail: Promise<unknown> = Promise.resolve();
  private underWay = 0;
  /** Renders of event sets, and how often builds handed the event loop back, for tests and the benchmark. */
  renders = 0;
  yields = 0;

  constructor(
    private readonly maxWaiting: number = MAX_WAITING_BUILDS,
    private readonly keepRecent: number = 8,
  ) {}

  /**
   * The calendar of `frame` with the events `loadEvents` gives, in the richest detail level that
   * fits `budget`, byte-identical to renderCalendarWithinBudget, built through the queue. Throws
   * FeedBusyError, before loading anything, when MAX_WAITING_BUILDS builds are under way.
   */
  async render(frame: Frame, loadEvents: LoadFeedEvents, budget: number = FEED_BYTE_BUDGET): Promise<RenderedCalendar> {
    if (this.underWay >= this.maxWaiting) throw new FeedBusyError();
    this.underWay += 1;
    try {
      // Loading ~3,000 rows is CPU work too (row mapping): one load or render at a time.
      const events = await this.serial(() => this.inTurns((slicer) => loadEvents(slicer)));
      return await this.build(frame, events, budget);
    } finally {
      this.underWay -= 1;
    }
  }

  /** Runs `work` with a fresh slicer and counts its yields. */
  private async inTurns<T>(work: (slicer: TimeSlicer) => Promise<T>): Promise<T> {
    const slicer = new TimeSlicer();
    try {
      return await work(slicer);
    } finally {
      this.yields += slicer.yields;
    }
  }

  private async build(frame: Frame, events: readonly FeedEvent[], budget: number): Promise<RenderedCalendar> {
    const key = createHash("sha256")
      .update(`${frame.baseUrl}\n${budget}\n`)
      .update(events.map((event) => `${event.id}:${event.sequence}:${event.updatedAt.getTime()}`).join(","))
      .digest("base64url");
    const rendered = await this.eventsOf(key, () => this.inTurns((slicer) => this.renderEvents(frame, events, budget, slicer)));
    // Bytes, never one string: one memcpy of ~900 KB outside V8's heap (render-in-turns.ts).
    const bytes = Buffer.concat([Buffer.from(calendarHead(frame, rendered.detail)), ...rendered.events, Buffer.from(END)]);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), detail: rendered.detail };
  }

  /** One step at a time: each waits for the one before it. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private eventsOf(key: string, build: () => Promise<RenderedEvents>): Promise<RenderedEvents> {
    const done = this.recent.get(key);
    if (done) return Promise.resolve(done);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const run = this.serial(build).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, run);
    return run.then((rendered) => {
      this.recent.set(key, rendered);
      for (const old of this.recent.keys()) {
        if (this.recent.size <= this.keepRecent) break;
        this.recent.delete(old);
      }
      return rendered;
    });
  }

  /** As renderCalendarWithinBudget: pick the level by estimate, render, step down if still too big. */
  private async renderEvents(frame: Frame, events: readonly FeedEvent[], budget: number, slicer: TimeSlicer): Promise<RenderedEvents> {
    this.renders += 1;
    let index = 0;
    while (index < FEED_DETAILS.length - 1 && (await estimateCalendarBytesInTurns(events, frame.baseUrl, FEED_DETAILS[index], slicer)) >= budget) {
      index += 1;
    }
    for (; ; index++) {
      const detail = FEED_DETAILS[index];
      const rendered = await renderEventsInTurns(events, frame.baseUrl, detail, slicer);
      const size = Buffer.byteLength(calendarHead(frame, detail)) + rendered.reduce((sum, chunk) => sum + chunk.length, 0) + END.length;
      if (size < budget || index === FEED_DETAILS.length - 1) return { events: rendered, detail };
    }
  }
}

const globalForQueue = globalThis as unknown as { expoFeedBuildQueue?: FeedBuildQueue };

/** The process's one build queue (parked on globalThis so dev-server reloads keep it). */
export const feedBuildQueue: FeedBuildQueue = (globalForQueue.expoFeedBuildQueue ??= new FeedBuildQueue());
