import { createHash } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import {
  estimateEventBytes,
  FEED_BYTE_BUDGET,
  FEED_DETAILS,
  renderCalendar,
  type CalendarSpec,
  type FeedDetail,
  type FeedEvent,
  type RenderedCalendar,
} from "./build-calendar";

// Feed builds are bounded (docs/decisions/012-bounded-feed-builds.md). Rendering the whole
// programme is ~0.7–1 s of synchronous work; done in one go it stalls every other request for that
// long, and a burst of distinct searches would stall the server for seconds. So:
// - a build renders its events in slices of SLICE_EVENTS and yields to the event loop between
//   slices, so no other request waits behind more than one slice (tens of milliseconds);
// - builds run one at a time, keyed by the set of events (and link origin) they contain: two
//   searches matching the same events share one render of those events (only the calendar's own
//   name and URL, a few hundred bytes, are rendered per selection);
// - at most MAX_WAITING_BUILDS builds (loading their events included) are under way at once;
//   beyond that the request gets 503 with Retry-After before touching the database.

export const SLICE_EVENTS = 50;
export const MAX_WAITING_BUILDS = 4;
const RETRY_AFTER_SECONDS = 5;
// ical-generator ends the calendar without a line break after it.
const END = "END:VCALENDAR";

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

/** The events part of a calendar (every VEVENT, in order) and the detail level it was rendered in. */
interface RenderedEvents {
  events: string;
  detail: FeedDetail;
}

export type Frame = Omit<CalendarSpec, "events" | "detail">;

/** Everything before END:VCALENDAR of a calendar without events: its properties, in `detail`. */
function calendarHead(frame: Frame, detail: FeedDetail): string {
  const empty = renderCalendar({ ...frame, events: [], detail });
  return empty.slice(0, empty.lastIndexOf(END));
}

/** The VEVENTs of `events` in `detail`, rendered slice by slice with a yield between slices. */
async function renderEventsInSlices(frame: Frame, events: readonly FeedEvent[], detail: FeedDetail, onSlice: () => void): Promise<string> {
  const parts: string[] = [];
  for (let start = 0; start < events.length; start += SLICE_EVENTS) {
    await yieldToEventLoop();
    onSlice();
    const text = renderCalendar({ ...frame, events: events.slice(start, start + SLICE_EVENTS), detail });
    // Folded continuation lines start with a space, so "\r\nBEGIN:VEVENT" is always a real component.
    parts.push(text.slice(text.indexOf("\r\nBEGIN:VEVENT\r\n") + 2, text.lastIndexOf(END)));
  }
  return parts.join("");
}

export class FeedBuildQueue {
  private readonly inFlight = new Map<string, Promise<RenderedEvents>>();
  private readonly recent = new Map<string, RenderedEvents>();
  private tail: Promise<unknown> = Promise.resolve();
  private underWay = 0;
  /** Renders of event sets and slices run, for tests and the benchmark. */
  renders = 0;
  slices = 0;

  constructor(
    private readonly maxWaiting: number = MAX_WAITING_BUILDS,
    private readonly keepRecent: number = 8,
  ) {}

  /**
   * The calendar of `frame` with the events `loadEvents` gives, in the richest detail level that
   * fits `budget`, byte-identical to renderCalendarWithinBudget, built through the queue. Throws
   * FeedBusyError, before loading anything, when MAX_WAITING_BUILDS builds are under way.
   */
  async render(frame: Frame, loadEvents: () => Promise<readonly FeedEvent[]>, budget: number = FEED_BYTE_BUDGET): Promise<RenderedCalendar> {
    if (this.underWay >= this.maxWaiting) throw new FeedBusyError();
    this.underWay += 1;
    try {
      // Loading ~3,000 rows is a long synchronous step of its own (row mapping): one at a time too.
      return await this.build(frame, await this.serial(loadEvents), budget);
    } finally {
      this.underWay -= 1;
    }
  }

  private async build(frame: Frame, events: readonly FeedEvent[], budget: number): Promise<RenderedCalendar> {
    const key = createHash("sha256")
      .update(`${frame.baseUrl}\n${budget}\n`)
      .update(events.map((event) => `${event.id}:${event.sequence}:${event.updatedAt.getTime()}`).join(","))
      .digest("base64url");
    const rendered = await this.eventsOf(key, () => this.renderEvents(frame, events, budget));
    const bytes = new TextEncoder().encode(calendarHead(frame, rendered.detail) + rendered.events + END);
    return { bytes, detail: rendered.detail };
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
  private async renderEvents(frame: Frame, events: readonly FeedEvent[], budget: number): Promise<RenderedEvents> {
    this.renders += 1;
    const fits = (detail: FeedDetail) =>
      events.reduce((sum, event) => sum + estimateEventBytes(event, frame.baseUrl, detail), 1024) < budget;
    const first = FEED_DETAILS.findIndex((detail, index) => index === FEED_DETAILS.length - 1 || fits(detail));
    for (let index = first; ; index++) {
      const detail = FEED_DETAILS[index];
      const rendered = await renderEventsInSlices(frame, events, detail, () => (this.slices += 1));
      const size = Buffer.byteLength(calendarHead(frame, detail) + rendered + END);
      if (size < budget || index === FEED_DETAILS.length - 1) return { events: rendered, detail };
    }
  }
}

const globalForQueue = globalThis as unknown as { expoFeedBuildQueue?: FeedBuildQueue };

/** The process's one build queue (parked on globalThis so dev-server reloads keep it). */
export const feedBuildQueue: FeedBuildQueue = (globalForQueue.expoFeedBuildQueue ??= new FeedBuildQueue());
