import type { Metadata } from "next";
import Link from "next/link";
import { ChangeList } from "@/components/admin-change-list";
import { CHANGE_KINDS, encodeCursor, listChanges, parseChangesQuery } from "@/lib/admin/public-changes";
import { KIND_LABELS } from "@/lib/admin/describe-change";
import { listVenues } from "@/lib/schedule/venues";

export const metadata: Metadata = {
  title: "Programme changes",
  description: "New, moved, rescheduled and cancelled events of EXPO 2017 Astana, newest first.",
  alternates: { types: { "application/atom+xml": "/changes.atom" } },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ChangesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = parseChangesQuery(params);
  const [page, venues] = await Promise.all([query.ok ? listChanges({ ...query.value, limit: 100 }, "desc") : null, listVenues()]);
  const selected = query.ok ? query.value : { day: undefined, venue: undefined, kind: undefined };
  const problems = !query.ok ? query.details : page && !page.ok ? page.details : [];
  const changes = page?.ok ? page.value.changes : [];
  const next = page?.ok && page.value.changes.length === 100 ? encodeCursor(changes[changes.length - 1].id) : null;
  const nextParams = new URLSearchParams(
    Object.entries({ day: selected.day, venue: selected.venue, kind: selected.kind, cursor: next ?? undefined }).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
  return (
    <>
      <h1>Programme changes</h1>
      <p>
        Every new, moved, rescheduled and cancelled event, newest first. Also as a feed: <a href="/changes.atom">Atom</a> and{" "}
        <a href="/api/changes">JSON</a>.
      </p>
      <form className="schedule-filters" method="get" action="/changes">
        <div className="field">
          <label htmlFor="changes-day">Day of the event</label>
          <input id="changes-day" type="date" name="day" min="2017-06-10" max="2017-09-10" defaultValue={selected.day ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="changes-venue">Venue</label>
          <select id="changes-venue" name="venue" defaultValue={selected.venue ?? ""}>
            <option value="">All venues</option>
            {venues.map((venue) => (
              <option key={venue.slug} value={venue.slug}>
                {venue.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="changes-kind">Kind of change</label>
          <select id="changes-kind" name="kind" defaultValue={selected.kind ?? ""}>
            <option value="">All changes</option>
            {CHANGE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit">Show changes</button>
        </div>
      </form>
      {problems.length ? (
        <p className="error-text" role="alert">
          {problems.map((problem) => `${problem.parameter}: ${problem.message}`).join("; ")}
        </p>
      ) : null}
      {changes.length ? <ChangeList changes={changes} /> : <p className="muted">No changes match.</p>}
      {next ? (
        <p>
          <Link href={`/changes?${nextParams.toString()}`}>Older changes</Link>
        </p>
      ) : null}
    </>
  );
}
