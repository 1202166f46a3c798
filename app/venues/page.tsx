import type { Metadata } from "next";
import Link from "next/link";
import { venueKindLabel, type VenueRow } from "@/lib/schedule/venues";
import { cachedListVenues as listVenues } from "@/lib/schedule/cached-reads";
import { venuePath } from "@/lib/http/paths";

export const metadata: Metadata = {
  title: "Venues",
  description: "Pavilions, tents, sectors, arenas, theatres and stages of EXPO 2017 in Astana.",
};

function groupByKind(venues: VenueRow[]): { kind: VenueRow["kind"]; venues: VenueRow[] }[] {
  const groups: { kind: VenueRow["kind"]; venues: VenueRow[] }[] = [];
  for (const venue of venues) {
    const last = groups[groups.length - 1];
    if (last && last.kind === venue.kind) last.venues.push(venue);
    else groups.push({ kind: venue.kind, venues: [venue] });
  }
  return groups;
}

export default async function VenuesPage() {
  const venues = await listVenues();
  return (
    <>
      <h1>Venues</h1>
      <p>
        {venues.length} venues on the EXPO 2017 site and across Astana. Each venue page lists its events by day.
      </p>
      {groupByKind(venues).map((group) => (
        <section key={group.kind} aria-labelledby={`kind-${group.kind}`}>
          <h2 id={`kind-${group.kind}`}>{venueKindLabel(group.kind)}</h2>
          <ul className="card-list venue-list">
            {group.venues.map((venue) => (
              <li key={venue.slug} className="card">
                <Link href={venuePath(venue.slug)} className="venue-link">
                  {venue.name}
                </Link>
                <p className="muted">{venue.address}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
