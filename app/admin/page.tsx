import type { Metadata } from "next";
import Link from "next/link";
import { AdminImportForm } from "@/components/admin-import-form";
import { adminEventSearchSchema, listAdminEvents, type AdminEventSearch } from "@/lib/admin/search-admin-events";
import { requireAdmin } from "@/lib/auth/session";
import { listVenues } from "@/lib/schedule/venues";

export const metadata: Metadata = { title: "Organiser tools", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin("/admin");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = adminEventSearchSchema.safeParse(raw);
  const search: AdminEventSearch = parsed.success ? parsed.data : { day: undefined, venue: undefined, page: 1 };
  const [result, venues] = await Promise.all([listAdminEvents(search), listVenues()]);
  return (
    <>
      <h1>Organiser tools</h1>
      <p>
        <Link className="button" href="/admin/events/new">
          New event
        </Link>{" "}
        <Link href="/admin/venues">Venues</Link> · <Link href="/admin/national-days">National days</Link> · <a href="/api/admin/export.csv">Export CSV</a> · <a href="/api/admin/export.json">Export JSON</a> · <Link href="/changes">Public change log</Link>
      </p>
      <form className="schedule-filters" method="get" action="/admin">
        <div className="field">
          <label htmlFor="admin-day">Day</label>
          <input id="admin-day" type="date" name="day" defaultValue={search.day ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="admin-venue">Venue</label>
          <select id="admin-venue" name="venue" defaultValue={search.venue ?? ""}>
            <option value="">All venues</option>
            {venues.map((venue) => (
              <option key={venue.slug} value={venue.slug}>
                {venue.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="admin-q">Words</label>
          <input id="admin-q" type="search" name="q" defaultValue={search.q ?? ""} />
        </div>
        <div className="field">
          <button type="submit">Find events</button>
        </div>
      </form>
      {!parsed.success ? <p className="error-text">{parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join("; ")}</p> : null}
      <p>
        {result.total} event{result.total === 1 ? "" : "s"}
        {result.total > result.pageSize ? ` (showing ${(result.page - 1) * result.pageSize + 1}–${Math.min(result.total, result.page * result.pageSize)})` : ""}.
      </p>
      <table className="admin-events">
        <thead>
          <tr>
            <th scope="col">Starts (Astana)</th>
            <th scope="col">Event</th>
            <th scope="col">Venue</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {result.events.map((event) => (
            <tr key={event.slug}>
              <td>{event.start.replace("T", " ")}</td>
              <td>
                <Link href={`/admin/events/${event.slug}`}>{event.title}</Link>
              </td>
              <td>{event.venue}</td>
              <td>{event.status === "cancelled" ? <span className="badge danger">Cancelled</span> : "Scheduled"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.page * result.pageSize < result.total ? (
        <p>
          <Link href={`/admin?${new URLSearchParams({ ...(search.day && { day: search.day }), ...(search.venue && { venue: search.venue }), ...(search.q && { q: search.q }), page: String(result.page + 1) })}`}>
            Next page
          </Link>
        </p>
      ) : null}
      <AdminImportForm />
    </>
  );
}
