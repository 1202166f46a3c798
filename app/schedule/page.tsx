import type { Metadata } from "next";
import Link from "next/link";
import { EventList } from "@/components/event-list";
import { ScheduleDayNav } from "@/components/schedule-day-nav";
import { ScheduleFilterForm } from "@/components/schedule-filter-form";
import { SearchResults } from "@/components/search-results";
import { SubscribeToFeed } from "@/components/subscribe-to-feed";
import { TimeZoneSwitch } from "@/components/time-zone-switch";
import { cachedFilterOptions as getFilterOptions, cachedScheduleView as getScheduleView } from "@/lib/schedule/cached-reads";
import { SCHEDULE_PATH, scheduleHref, timetableHref } from "@/lib/http/paths";
import { feedLabelOf, feedQueryOf, type ScheduleView } from "@/lib/schedule/schedule-view";
import { searchWords } from "@/lib/schedule/event-filters";
import { longDayLabel } from "@/lib/time/format";
import { listExpoDays } from "@/lib/time/expo-dates";

export const metadata: Metadata = {
  title: "Schedule",
  description: "Every EXPO 2017 event by day, venue, category and national day, in Astana time.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function heading(view: ScheduleView): string {
  switch (view.mode.kind) {
    case "day":
      return longDayLabel(view.mode.date);
    case "moment":
      return `Now and next at ${view.mode.moment.local.slice(11)} on ${longDayLabel(view.mode.moment.date)}`;
    case "range":
      return `From ${view.mode.from ? longDayLabel(view.mode.from) : "opening day"} to ${view.mode.to ? longDayLabel(view.mode.to) : "closing day"}`;
    case "all":
      return "All days";
  }
}

function countText(total: number): string {
  return `${total.toLocaleString("en-GB")} ${total === 1 ? "event matches" : "events match"}`;
}

export default async function SchedulePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const [view, options] = await Promise.all([getScheduleView(params), getFilterOptions()]);
  const days = listExpoDays();
  const { form } = view;
  const linkValues = { ...form, date: form.date };

  return (
    <>
      <h1>Schedule</h1>
      <TimeZoneSwitch />
      {/* Keyed by the selection: after a client navigation the fields show the new one (they are
          uncontrolled, so new defaultValues alone would not reach them). */}
      <ScheduleFilterForm key={JSON.stringify(form)} values={form} days={days} options={options} />

      {view.problems.length ? (
        <div className="banner danger" role="alert">
          <p>This selection cannot be shown:</p>
          <ul>
            {view.problems.map((problem) => (
              <li key={`${problem.parameter}:${problem.message}`}>
                {problem.parameter}: {problem.message}
              </li>
            ))}
          </ul>
          <p>
            <Link href={SCHEDULE_PATH} prefetch={false}>Start again</Link>
          </p>
        </div>
      ) : (
        <section aria-labelledby="results-heading" className="schedule-results">
          <h2 id="results-heading">{heading(view)}</h2>
          {view.mode.kind === "day" ? <ScheduleDayNav days={days} date={view.mode.date} values={linkValues} /> : null}
          {view.mode.kind === "day" || view.mode.kind === "moment" ? (
            <p className="no-print">
              <Link href={timetableHref({ ...linkValues, date: view.mode.kind === "day" ? view.mode.date : view.mode.moment.date })} prefetch={false}>
                Timetable
              </Link>{" "}
              — this day as a grid by venue
            </p>
          ) : null}
          <p role="status" className="match-count">
            {countText(view.total)}
          </p>
          {view.mode.kind === "day" && view.filters.q && view.total > 0 ? (
            <p className="no-print">
              On this day only · <Link href={scheduleHref({ ...linkValues, date: "all" })} prefetch={false}>Search every day for “{form.q}”</Link>
            </p>
          ) : null}
          <SubscribeToFeed query={feedQueryOf(view.filters)} label={feedLabelOf(view.filters, view.labels)} />

          {view.mode.kind === "moment" ? (
            <>
              <h2>On now</h2>
              {view.onNow.length ? <EventList events={view.onNow} /> : <p className="empty-state">Nothing is on at that moment.</p>}
              <h2>Up next</h2>
              {view.upNext.length ? <EventList events={view.upNext} byDay={false} /> : <p className="empty-state">Nothing later matches.</p>}
            </>
          ) : view.events.length && view.filters.q ? (
            <SearchResults events={view.events} dayCounts={view.dayCounts} words={searchWords(view.filters.q)} values={linkValues} />
          ) : view.events.length ? (
            <EventList events={view.events} byDay={view.mode.kind !== "day"} />
          ) : (
            <div className="empty-state">
              <p>No events match this selection.</p>
              <ul>
                {view.mode.kind === "day" && form.q ? (
                  <li>
                    <Link href={scheduleHref({ ...linkValues, date: "all" })} prefetch={false}>Search every day for “{form.q}”</Link>
                  </li>
                ) : null}
                <li>
                  <Link href={scheduleHref({ date: view.mode.kind === "day" ? view.mode.date : undefined })} prefetch={false}>
                    Clear the filters
                  </Link>
                </li>
              </ul>
            </div>
          )}

          {view.nextCursor ? (
            <p>
              <Link className="button" href={scheduleHref({ ...linkValues, cursor: view.nextCursor })} prefetch={false}>
                Show more events
              </Link>
            </p>
          ) : null}
        </section>
      )}
    </>
  );
}
