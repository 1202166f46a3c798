import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { TimetableColumnToggle } from "@/components/timetable-column-toggle";
import { TimetableFilterForm } from "@/components/timetable-filter-form";
import { TimetableGrid } from "@/components/timetable-grid";
import legend from "@/components/timetable-grid.module.css";
import { getSessionUser } from "@/lib/auth/session";
import { cachedFilterOptions as getFilterOptions } from "@/lib/schedule/cached-reads";
import { HIDDEN_VENUES_COOKIE, parseHiddenVenues } from "@/lib/timetable/hidden-venues";
import { mapHref, TIMETABLE_PATH, timetableHref } from "@/lib/http/paths";
import { getTimetableView } from "@/lib/timetable/timetable-view";
import { longDayLabel } from "@/lib/time/format";
import { listExpoDays } from "@/lib/time/expo-dates";

export const metadata: Metadata = {
  title: "Timetable",
  description: "What is on where: one EXPO 2017 day as a grid of venues and hours, in Astana time.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TimetablePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const [user, jar, options] = await Promise.all([getSessionUser(), cookies(), getFilterOptions()]);
  const view = await getTimetableView(params, { userId: user?.id ?? null, hidden: parseHiddenVenues(jar.get(HIDDEN_VENUES_COOKIE)?.value) });
  const days = listExpoDays();
  const index = days.indexOf(view.date);
  const [previous, next] = [days[index - 1], days[index + 1]];
  const { at: _at, ...withoutMoment } = view.query;
  void _at; // a moment belongs to one day: the day links drop it

  return (
    <>
      <h1>Timetable</h1>
      <TimetableFilterForm values={view.query} days={days} options={options} />
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
            <Link href={TIMETABLE_PATH}>Start again</Link>
          </p>
        </div>
      ) : (
        <section aria-labelledby="timetable-heading">
          <h2 id="timetable-heading">{longDayLabel(view.date)}</h2>
          <nav aria-label="Days" className="day-nav no-print">
            {previous ? (
              <Link className="button secondary" rel="prev" href={timetableHref({ ...withoutMoment, date: previous })}>
                ← Previous day
              </Link>
            ) : null}{" "}
            {next ? (
              <Link className="button secondary" rel="next" href={timetableHref({ ...withoutMoment, date: next })}>
                Next day →
              </Link>
            ) : null}
          </nav>
          <p role="status">
            {view.eventCount} {view.eventCount === 1 ? "event" : "events"} at {view.layout?.columns.length ?? 0}{" "}
            {view.layout?.columns.length === 1 ? "venue" : "venues"}
            {user ? `, ${view.savedCount} saved by you` : ""}. Times are Astana time.{" "}
            <Link href={`/schedule?${new URLSearchParams(view.query).toString()}`}>The same selection as a list</Link>
            {user && view.savedCount > 1 ? (
              <>
                {" · "}
                <Link href={mapHref({ routeDate: view.date })}>Your day on the map</Link>
              </>
            ) : null}
          </p>
          <ul className={legend.legend} aria-label="Legend">
            <li>Event</li>
            {user ? <li className={legend.legendSaved}>Saved by you</li> : null}
            {view.layout?.walks.length ? <li className={legend.legendWalk}>Walk to your next event</li> : null}
            {view.layout?.nowRow ? <li className={legend.legendNow}>The chosen moment</li> : null}
          </ul>
          {view.venues.length ? <TimetableColumnToggle venues={view.venues} /> : null}
          {view.layout && view.layout.columns.length ? (
            <TimetableGrid layout={view.layout} label={`Timetable for ${longDayLabel(view.date)}, by venue`} />
          ) : (
            <p className="empty-state">
              {view.venues.length ? "Every venue of this day is hidden. Choose “Show all” above." : "No events match this selection on this day."}
            </p>
          )}
        </section>
      )}
    </>
  );
}
