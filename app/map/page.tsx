import type { Metadata } from "next";
import Link from "next/link";
import { SiteMap } from "@/components/site-map";
import styles from "@/components/site-map.module.css";
import { getSessionUser, requireUser } from "@/lib/auth/session";
import { getMapView, parseMapParams } from "@/lib/map/map-view";
import { describeLeg, formatDistance } from "@/lib/map/route";
import { isOnGrounds } from "@/lib/map/site-plan";
import { eventPath, timetableHref, venuePath } from "@/lib/http/paths";
import { venueKindLabel } from "@/lib/schedule/venues";
import { toZonedTime } from "@/lib/time/astana";
import { longDayLabel } from "@/lib/time/format";

export const metadata: Metadata = {
  title: "Site map",
  description: "The EXPO 2017 grounds in Astana with every pavilion, tent, sector and stage, and the venues in the city.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MapPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseMapParams(await searchParams);
  const params = parsed.ok ? parsed.value : {};
  // A route is the visitor's own day: it needs a session, and comes back here after sign-in.
  const user = params.route
    ? await requireUser(`/map?date=${params.date}&route=${params.route}`)
    : await getSessionUser();
  const view = await getMapView(params, user?.id ?? null);
  const problems = parsed.ok ? view.problems : parsed.details;
  const { highlighted, route } = view;

  return (
    <>
      <h1>Site map</h1>
      {problems.length ? (
        <div className="banner danger" role="alert">
          <p>Part of this address cannot be shown:</p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.parameter}:${problem.message}`}>
                {problem.parameter}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {highlighted ? (
        <p role="status">
          <strong>{highlighted.name}</strong> ({venueKindLabel(highlighted.kind)}){" "}
          {isOnGrounds(highlighted)
            ? "is on the expo grounds, marked in red on the plan."
            : `is in the city, ${formatDistance(view.plan.city.pins.find((pin) => pin.venue.slug === highlighted.slug)?.distanceMeters ?? 0)} from Nur Alem, marked in red on the inset.`}{" "}
          <Link href={venuePath(highlighted.slug)}>Its events</Link>
        </p>
      ) : (
        <p>Every venue of EXPO 2017; choose a pin to see its events.</p>
      )}

      {route && params.date ? (
        <section aria-labelledby="route-heading">
          <h2 id="route-heading">Your day: {longDayLabel(params.date)}</h2>
          {route.stops.length === 0 ? (
            <p className="empty-state">
              You have no events saved on this day. <Link href={timetableHref({ date: params.date })}>Find some in the timetable</Link>.
            </p>
          ) : (
            <>
              <ol className={styles.stops}>
                {route.stops.map((stop, i) => (
                  <li key={stop.slug}>
                    <Link href={eventPath(stop.slug)}>{stop.title}</Link> — {toZonedTime(stop.startsAt).time}–{toZonedTime(stop.endsAt).time},{" "}
                    {stop.venue.name}
                    {route.legs[i] ? (
                      <p className={`${styles.leg} ${route.legs[i].tight ? styles.legTight : ""}`}>{describeLeg(route.legs[i])}</p>
                    ) : null}
                  </li>
                ))}
              </ol>
              <p>
                {route.legs.length
                  ? `Walking in all: ${route.totalWalkMinutes} min, ${formatDistance(route.totalDistanceMeters)} in straight lines (4.5 km/h plus 5 minutes a walk).`
                  : "One stop: no walking between events."}
              </p>
            </>
          )}
        </section>
      ) : null}

      <SiteMap plan={view.plan} highlighted={highlighted?.slug ?? null} route={route} />
      <p className="muted">
        Positions come from the venues’ coordinates; walks are straight lines, so allow for paths and crowds. <Link href="/venues">All venues as a list</Link>
      </p>
    </>
  );
}
