import type { Metadata } from "next";
import Link from "next/link";
import { listAdminVenues } from "@/lib/admin/venue-editor";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Venues · Organiser tools", robots: { index: false } };

export default async function AdminVenuesPage() {
  await requireAdmin("/admin/venues");
  const venues = await listAdminVenues();
  return (
    <>
      <h1>Venues</h1>
      <p>
        <Link className="button" href="/admin/venues/new">
          New venue
        </Link>{" "}
        <Link href="/admin">← Events</Link>
      </p>
      <ul className="plain-list">
        {venues.map((venue) => (
          <li key={venue.slug}>
            <Link href={`/admin/venues/${venue.slug}`}>{venue.name}</Link> <span className="muted">({venue.slug})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
